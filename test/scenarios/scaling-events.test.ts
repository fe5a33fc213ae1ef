/**
 * The wording of the Deployment's ScalingReplicaSet events in v1.32 (brief point 5), settled from the source:
 *  - pkg/controller/deployment/sync.go, scaleReplicaSet (v1.32.8, line 404 region):
 *    `Scaled %s replica set %s from %d to %d`, up/down from the old and new sizes, since PR #125118
 *    ("Order ScalingReplicaSet message from->to", merged 2024, first released in v1.31; before it the
 *    message was `… to %d from %d`).
 *  - the same file, getNewReplicaSet, the event when the new ReplicaSet is created with replicas > 0:
 *    `Scaled up replica set %s from 0 to %d` (the same PR made the creation event say "from 0"; a v1.30+
 *    cluster's `kubectl describe deployment` shows `Scaled up replica set nginx-5869d7778c from 0 to 1`
 *    right after `kubectl create deployment`).
 * The rollout order for 3 replicas with maxSurge 1 / maxUnavailable 0 is controller-facts §2.6.
 */
import { describe, expect, it } from "vitest";
import { HTTP_GO_V1 } from "./manifests";
import { lines, Sandbox } from "./sandbox";

describe("scenario: the Deployment's scaling events", () => {
  it("say 'from 0 to N' when a ReplicaSet is created and 'from old to new' on every other scaling", () => {
    const s = new Sandbox();
    s.write("http-go.yaml", HTTP_GO_V1);
    expect(s.run("kubectl apply -f http-go.yaml").exit).toBe(0);
    expect(s.run("kubectl rollout status deployment http-go").exit).toBe(0);
    const v1 = s.run("kubectl get rs -o jsonpath={.items[0].metadata.name}").stdout;
    expect(s.run("kubectl set image deployment http-go http-go=gasbugs/http-go:v2").exit).toBe(0);
    expect(s.run("kubectl rollout status deployment http-go").exit).toBe(0);
    const newRs = s
      .run("kubectl get rs -o jsonpath={.items[*].metadata.name}")
      .stdout.split(" ")
      .find((n) => n !== v1);
    expect(newRs).toMatch(/^http-go-[a-z0-9]+$/);
    // all of it happened within the first minute: 20 minutes on, every age reads "20m"
    expect(s.cluster.now).toBeLessThan(60_000);
    s.sleep(20 * 60_000);
    const described = lines(s.run("kubectl describe deployment http-go").stdout);
    const ev = (message: string) => `  Normal  ScalingReplicaSet  20m   deployment-controller  ${message}`;
    expect(described.slice(described.indexOf("Events:"))).toEqual([
      "Events:",
      "  Type    Reason             Age   From                   Message",
      "  ----    ------             ----  ----                   -------",
      ev(`Scaled up replica set ${v1} from 0 to 3`),
      ev(`Scaled up replica set ${newRs} from 0 to 1`),
      ev(`Scaled down replica set ${v1} from 3 to 2`),
      ev(`Scaled up replica set ${newRs} from 1 to 2`),
      ev(`Scaled down replica set ${v1} from 2 to 1`),
      ev(`Scaled up replica set ${newRs} from 2 to 3`),
      ev(`Scaled down replica set ${v1} from 1 to 0`),
    ]);
  }, 30_000);
});
