/**
 * The shape of stored events, as a real v1.32 cluster serves them through core/v1. Facts from Kubernetes
 * source:
 *  - staging/src/k8s.io/api/core/v1/types.go: `EventTime metav1.MicroTime json:"eventTime,omitempty"`;
 *    MicroTime is a struct (omitempty never drops it) whose zero value marshals as `null`.
 *  - client-go tools/record/event.go makeEvent (every controller-manager controller, the kubelet) sets
 *    Count 1, FirstTimestamp and LastTimestamp, Source, and leaves EventTime zero and
 *    ReportingController/ReportingInstance empty (`reportingComponent: ""`, json without omitempty).
 *  - client-go tools/events (the scheduler: `Eventf(pod, nil, Normal, "Scheduled", "Binding", msg)`):
 *    makeEvent sets EventTime (metav1.MicroTime, RFC3339Micro), Action, ReportingController =
 *    "default-scheduler", ReportingInstance = `<controller>-<os.Hostname()>` (NewRecorder); the API
 *    server converts events.k8s.io → core/v1 with DeprecatedSource/Count/First/LastTimestamp, all zero:
 *    `source: {}`, no count, `firstTimestamp: null`, `lastTimestamp: null`.
 */
import { describe, expect, it } from "vitest";
import { allEvents, type CoreEvent, createCluster, type KObject } from "../../../src/engine";
import { recordEvent } from "../../../src/engine/store/events";
import { podYaml } from "../../scenarios/manifests";
import { lines, Sandbox } from "../../scenarios/sandbox";

function rolledOut(): CoreEvent[] {
  const c = createCluster({ seed: 7 });
  c.request((api) =>
    api.create(
      "deployments",
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "web" },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: "web" } },
          template: {
            metadata: { labels: { app: "web" } },
            spec: { containers: [{ name: "web", image: "gasbugs/http-go:v1" }] },
          },
        },
      } as KObject,
      "default",
    ),
  );
  c.advance(30_000);
  return allEvents(c.state) as CoreEvent[];
}

/** The fields that differ between the two recorders, as `-o json` prints them (keys sorted, one per line). */
function recorderFields(e: CoreEvent): string[] {
  const keys = ["action", "count", "eventTime", "firstTimestamp", "lastTimestamp", "reportingComponent"];
  const more = ["reportingInstance", "source"];
  const raw = e as unknown as Record<string, unknown>;
  return [...keys, ...more]
    .filter((k) => k in raw && raw[k] !== undefined)
    .map((k) => `"${k}": ${JSON.stringify(raw[k])}`)
    .map((l) =>
      l.replace(/"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z"/, (m) =>
        m.length > 22 ? '"<micro>"' : '"<time>"',
      ),
    );
}

describe("events as the old recorder (tools/record) stores them", () => {
  it("has eventTime null, a count, both timestamps and its source", () => {
    const events = rolledOut();
    const pulling = events.find((e) => e.reason === "Pulling");
    expect(recorderFields(pulling as CoreEvent)).toEqual([
      '"count": 1',
      '"eventTime": null',
      '"firstTimestamp": "<time>"',
      '"lastTimestamp": "<time>"',
      '"reportingComponent": ""',
      '"reportingInstance": ""',
      '"source": {"component":"kubelet","host":"minikube"}',
    ]);
    const scaled = events.find((e) => e.reason === "ScalingReplicaSet");
    expect(recorderFields(scaled as CoreEvent)).toEqual([
      '"count": 1',
      '"eventTime": null',
      '"firstTimestamp": "<time>"',
      '"lastTimestamp": "<time>"',
      '"reportingComponent": ""',
      '"reportingInstance": ""',
      '"source": {"component":"deployment-controller"}',
    ]);
  });

  it("gives every old-recorder event eventTime null and the scheduler's a MicroTime", () => {
    const events = rolledOut();
    for (const e of events) {
      if (e.reason === "Scheduled") expect(e.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      else expect(e.eventTime).toBeNull();
    }
    expect(events.length).toBeGreaterThan(5);
  });
});

describe("the scheduler's events (tools/events, read back through core/v1)", () => {
  it("has action Binding, a MicroTime eventTime, reporting fields set and the deprecated ones zero", () => {
    const scheduled = rolledOut().find((e) => e.reason === "Scheduled");
    expect(recorderFields(scheduled as CoreEvent)).toEqual([
      '"action": "Binding"',
      '"eventTime": "<micro>"',
      '"firstTimestamp": null',
      '"lastTimestamp": null',
      '"reportingComponent": "default-scheduler"',
      '"reportingInstance": "default-scheduler-minikube"',
      '"source": {}',
    ]);
  });
});

describe("event uids", () => {
  // A real uid is a random (version 4, variant 10xx) UUID: 8-4-4-4-12 lower-case hex digits.
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it("have the 8-4-4-4-12 shape, unique among every object's uid", () => {
    const events = rolledOut();
    for (const e of events) expect(e.metadata?.uid).toMatch(UUID_V4);
    const uids = new Set(events.map((e) => e.metadata?.uid));
    expect(uids.size).toBe(events.length);
    for (const e of events) expect(uids.has(e.involvedObject.uid)).toBe(false);
  });

  it("are the same for the same seed and the same requests", () => {
    const a = rolledOut().map((e) => `${e.metadata?.name} ${e.metadata?.uid}`);
    const b = rolledOut().map((e) => `${e.metadata?.name} ${e.metadata?.uid}`);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(5);
  });
});

describe("--field-selector source= on events.k8s.io events", () => {
  it("matches the scheduler's events by reportingComponent (ToSelectableFields: source, else reportingController)", () => {
    const s = new Sandbox();
    s.run("kubectl create deployment web --image=gasbugs/http-go:v1");
    s.sleep(10_000);
    const out = s.run(
      "kubectl get events --field-selector source=default-scheduler -o jsonpath={.items[*].reason}",
    );
    expect(out.stdout).toBe("Scheduled");
    const kubelet = s.run(
      "kubectl get events --field-selector source=kubelet -o jsonpath={.items[*].reason}",
    );
    expect(kubelet.stdout).toBe("Pulling Pulled Created Started");
  });
});

describe("get events -o wide SOURCE (printers.go formatEventSource)", () => {
  it("falls back to reportingComponent, reportingInstance when source is empty", () => {
    const s = new Sandbox();
    s.run("kubectl create deployment web --image=gasbugs/http-go:v1");
    s.sleep(10_000);
    // The row's SOURCE cell, then MESSAGE (columns are separated by at least 3 spaces).
    const row = (reason: string) =>
      s.run(`kubectl get events -o wide --field-selector reason=${reason}`).stdout.split("\n")[1];
    expect(row("Scheduled")).toMatch(
      / {3}default-scheduler, default-scheduler-minikube {3,}Successfully assigned /,
    );
    expect(row("Pulling")).toMatch(/ {3}kubelet, minikube {3,}Pulling image /);
    expect(row("ScalingReplicaSet")).toMatch(/ {3}deployment-controller {3,}Scaled up replica set /);
  });
});

/**
 * Pod web created at 0 s; the scheduler records its `Scheduled` event about it again at 60 s (its
 * recorder then writes a series); the clock at 90 s.
 */
function scheduledTwice(): Sandbox {
  const s = new Sandbox();
  s.write("web.yaml", podYaml("web"));
  s.run("kubectl create -f web.yaml");
  s.sleep(60_000);
  s.cluster.request((api) => {
    const pod = api.get("pods", "default", "web");
    recordEvent(api.state, pod, "Normal", "Scheduled", "Successfully assigned default/web to minikube", {
      component: "default-scheduler",
    });
  });
  s.sleep(30_000);
  return s;
}

describe("an events.k8s.io series in get events and describe", () => {
  it("counts and dates the row from the series: a repeat of Scheduled at 60 s, listed at 90 s", () => {
    const s = scheduledTwice();
    const row = s.run("kubectl get events -o wide --field-selector reason=Scheduled").stdout.split("\n")[1];
    // LAST SEEN from series.lastObservedTime (30s), FIRST SEEN from eventTime (90s), COUNT series.count (2).
    expect(row?.split(/ {2,}/).map((c) => c.trim())).toEqual([
      "30s",
      "Normal",
      "Scheduled",
      "pod/web",
      "default-scheduler, default-scheduler-minikube",
      "Successfully assigned default/web to minikube",
      "90s",
      "2",
      expect.stringMatching(/^web\.17f[0-9a-f]{13}$/),
    ]);
  });

  it("describe prints the series as `30s (x2 over 90s)` (describe.go DescribeEvents)", () => {
    const s = scheduledTwice();
    const scheduled = lines(s.run("kubectl describe pod web").stdout).find((l) =>
      l.startsWith("  Normal  Scheduled"),
    );
    expect(scheduled?.split(/ {2,}/)).toEqual([
      "",
      "Normal",
      "Scheduled",
      "30s (x2 over 90s)",
      "default-scheduler",
      "Successfully assigned default/web to minikube",
    ]);
  });
});
