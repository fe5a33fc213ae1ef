/**
 * An hour of a failing readiness probe, as `kubectl describe pod` shows it: the kubelet's event
 * correlator (client-go tools/record/events_cache.go) lets a source send 25 events about one object,
 * then refills 1 token per 300 s (defaultSpamBurst, defaultSpamQPS), and counts the repeats it drops
 * (eventLogger counts before the filter), so the count keeps growing while LAST SEEN stays behind.
 *
 * Worked by hand with the sim's timings (kubelet README: first pull 2 s, start 1 s, probes at start and
 * every periodSeconds = 10 s; the app is not listening yet at the first probe): kubelet events at 0 s
 * (Pulling), 2 s (Pulled, Created), 3 s (Started, Unhealthy "connection refused"), then one Unhealthy
 * "statuscode: 500" every 10 s from 13 s. Tokens: 25 − 5 by 3 s, plus 1/300 per second; the 500s are
 * stored until the bucket runs dry at 203 s, then one gets through about every 300 s: at 303 s, 603 s, …
 * 3,303 s. At 3,500 s that last one is 197 s old (3m17s) and is the 330th probe failure with that message;
 * the first was at 13 s (58m). (3,500 s, not an hour: the API server deletes events an hour after their
 * last write, --event-ttl=1h, and at 3,600 s the Scheduled … Started events would be gone.)
 */
import { describe, expect, it } from "vitest";
import { lines, Sandbox } from "./sandbox";

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: sandbox/healthz-500:v1
    readinessProbe:
      httpGet:
        path: /healthz
        port: 8080
`;

describe("scenario: an hour of readiness probe failures", () => {
  it("shows the count of every failure while the spam filter lets one event through per 5 minutes", () => {
    const s = new Sandbox();
    s.write("web.yaml", POD);
    expect(s.run("kubectl create -f web.yaml").stdout).toBe("pod/web created\n");
    s.sleep(3_500_000);
    const described = lines(s.run("kubectl describe pod web").stdout);
    expect(described.slice(described.indexOf("Events:"))).toEqual([
      "Events:",
      "  Type     Reason     Age                    From               Message",
      "  ----     ------     ----                   ----               -------",
      "  Normal   Scheduled  58m                    default-scheduler  Successfully assigned default/web to minikube",
      '  Normal   Pulling    58m                    kubelet            Pulling image "sandbox/healthz-500:v1"',
      '  Normal   Pulled     58m                    kubelet            Successfully pulled image "sandbox/healthz-500:v1" in 2s (2s including waiting). Image size: 5000000 bytes.',
      "  Normal   Created    58m                    kubelet            Created container: web",
      "  Normal   Started    58m                    kubelet            Started container web",
      '  Warning  Unhealthy  58m                    kubelet            Readiness probe failed: Get "http://10.244.0.2:8080/healthz": dial tcp 10.244.0.2:8080: connect: connection refused',
      "  Warning  Unhealthy  3m17s (x330 over 58m)  kubelet            Readiness probe failed: HTTP probe failed with statuscode: 500",
    ]);
  }, 30_000);
});
