/**
 * The ReplicaSet controller's retries after refused creations, on the simulated clock. Rules:
 * replica_set.go processNextWorkItem (an error → queue.AddRateLimited, success → queue.Forget), updateRS
 * (any update of the ReplicaSet, its own status write included, enqueues it at once), client-go
 * workqueue DefaultControllerRateLimiter (ItemExponentialFailureRateLimiter 5 ms × 2^failures up to
 * 1000 s, max'ed with a BucketRateLimiter of rate.NewLimiter(10, 100)), and the delaying queue keeping an
 * item's earliest ready time. The expected times are worked from those rules by hand.
 */
import { describe, expect, it } from "vitest";
import { requeueAfterFailure } from "../../../src/engine/controllers/replicaset/backoff";
import { emptyState } from "../../../src/engine/store/state";
import { cluster, rs } from "./fixtures";

const QUOTA = {
  apiVersion: "v1",
  kind: "ResourceQuota",
  metadata: { name: "none" },
  spec: { hard: { pods: "0" } },
};

/** When the ReplicaSet `name` tried to create pods (simulated ms), from the decision log. */
function tries(c: ReturnType<typeof cluster>, name: string): number[] {
  return c.state.decisions
    .toArray()
    .filter((d) => d.object === `replicasets/default/${name}` && d.message.startsWith("created "))
    .map((d) => d.t);
}

describe("ReplicaSet retries after a refused creation", () => {
  it("tries at 0, at once again after its status write, then 5 ms doubling: 17 tries in 10 minutes", () => {
    const c = cluster();
    c.request((api) => api.create("resourcequotas", QUOTA));
    c.request((api) => api.create("replicasets", rs("web", 3, "gasbugs/http-go:v1")));
    c.advance(600_000);
    expect(tries(c, "web")).toEqual([
      0, 0, 5, 25, 65, 145, 305, 625, 1265, 2545, 5105, 10225, 20465, 40945, 81905, 163825, 327665,
    ]);
    c.advance(1_400_000);
    // the 18th after 327.68 s more, the 19th after 655.36 s, then the 1000 s cap
    expect(tries(c, "web").slice(17)).toEqual([655_345, 1_310_705]);
    c.advance(1_000_000);
    expect(tries(c, "web").slice(19)).toEqual([2_310_705]);
  });

  it("retries at once when the ReplicaSet changes, and starts over at 5 ms after a sync without error", () => {
    const c = cluster();
    c.request((api) => api.create("resourcequotas", QUOTA));
    c.request((api) => api.create("replicasets", rs("web", 3, "gasbugs/http-go:v1")));
    c.advance(100_000);
    const scale = (n: number) =>
      c.request((api) => {
        const r = JSON.parse(JSON.stringify(api.get("replicasets", "default", "web")));
        r.spec.replicas = n;
        delete r.metadata.resourceVersion;
        return api.update("replicasets", r);
      });
    scale(2);
    // 100 s: the spec update re-queues it at once, and so does its status write (observedGeneration 2)
    expect(tries(c, "web").filter((t) => t === 100_000)).toHaveLength(2);
    scale(0);
    // nothing to create: the sync succeeds and the failure count is forgotten
    scale(1);
    c.advance(30);
    // scale to 1: a try, another after its status write (ReplicaFailure back), then 5 ms and 20 ms later
    expect(tries(c, "web").filter((t) => t >= 100_000)).toEqual([
      100_000, 100_000, 100_000, 100_000, 100_005, 100_025,
    ]);
  });
});

describe("the work queue's overall bucket (10 per second, burst 100)", () => {
  it("lets 100 failures retry after their own back-off, then spaces the next ones 100 ms apart", () => {
    const s = emptyState(1);
    const delays = Array.from({ length: 102 }, (_, i) => requeueAfterFailure(s, `rs-${i}`, "seen"));
    expect(delays.slice(0, 100).every((d) => d === 5)).toBe(true);
    expect(delays.slice(100)).toEqual([100, 200]);
    s.now = 1000;
    // 1 s refills 10 tokens: the queue owes 2, so 8 are free again
    expect(requeueAfterFailure(s, "rs-x", "seen")).toBe(5);
  });
});
