/**
 * Engine benchmark: complete rolling updates of N replicas (25%/25%, minReadySeconds 10), from the
 * template change until the Deployment reports the rollout complete. Prints wall time, simulated
 * seconds, controller rounds and peak heap. Speed is measured here, never asserted in tests.
 */
import { type Controller, createCluster, type Deployment } from "../src/engine";

/** One measured rollout. */
export interface RolloutMeasurement {
  replicas: number;
  wallMs: number;
  simSeconds: number;
  rounds: number;
  peakHeapMB: number;
  /** Wall ms each controller spent during the measured rollout, by controller name. */
  controllerMs: Record<string, number>;
}

/** A controller that adds its passes' wall time to `totals` while `timing.on` is set. */
function timed(totals: Record<string, number>, timing: { on: boolean }): (c: Controller) => Controller {
  return (c) => ({
    ...c,
    reconcile(ctx) {
      if (!timing.on) return c.reconcile(ctx);
      const t0 = performance.now();
      try {
        return c.reconcile(ctx);
      } finally {
        totals[c.name] = (totals[c.name] ?? 0) + performance.now() - t0;
      }
    },
  });
}

function deployment(replicas: number, image: string): Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "http-go", labels: { app: "http-go" } },
    spec: {
      replicas,
      minReadySeconds: 10,
      selector: { matchLabels: { app: "http-go" } },
      template: {
        metadata: { labels: { app: "http-go" } },
        spec: { containers: [{ name: "http-go", image, ports: [{ containerPort: 8080 }] }] },
      },
    },
  };
}

function complete(d: Deployment | undefined): boolean {
  const s = d?.status;
  const n = d?.spec?.replicas ?? 0;
  return (
    !!s &&
    (s.observedGeneration ?? 0) >= (d?.metadata?.generation ?? 0) &&
    (s.updatedReplicas ?? 0) === n &&
    (s.replicas ?? 0) === n &&
    (s.availableReplicas ?? 0) === n
  );
}

/** Rolls a `replicas`-pod Deployment from v1 to v2 and measures the v2 rollout only. */
export function measureRollout(replicas: number): RolloutMeasurement {
  const controllerMs: Record<string, number> = {};
  const timing = { on: false };
  const cluster = createCluster({ seed: 1, wrapController: timed(controllerMs, timing) });
  const get = () => cluster.state.objects.deployments?.get("default/http-go") as Deployment | undefined;
  cluster.request((api) => api.create("deployments", deployment(replicas, "gasbugs/http-go:v1"), "default"));
  // Bring v1 up first; it is not part of the measurement.
  for (let i = 0; i < 10_000 && !complete(get()); i++) cluster.advance(1000);
  const startSim = cluster.now;
  const startRounds = cluster.rounds;
  let peak = process.memoryUsage().heapUsed;
  timing.on = true;
  const t0 = performance.now();
  cluster.request((api) => {
    const d = JSON.parse(JSON.stringify(api.get("deployments", "default", "http-go")));
    const container = d.spec.template.spec.containers[0];
    container.image = "gasbugs/http-go:v2";
    api.update("deployments", d);
  });
  for (let i = 0; i < 100_000 && !complete(get()); i++) {
    const wake = cluster.nextWake();
    cluster.advance(wake === undefined ? 1000 : Math.max(1, wake - cluster.now));
    if (i % 16 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const wallMs = performance.now() - t0;
  timing.on = false;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  if (!complete(get())) throw new Error(`the ${replicas}-replica rollout did not complete`);
  return {
    replicas,
    wallMs,
    simSeconds: (cluster.now - startSim) / 1000,
    rounds: cluster.rounds - startRounds,
    peakHeapMB: peak / 2 ** 20,
    controllerMs,
  };
}

/** Each controller's share of a rollout, largest first (`kubelet 6.1 s, replicaset 4.2 s, …, the rest 1.0 s`). */
function breakdown(r: RolloutMeasurement): string {
  const parts = Object.entries(r.controllerMs)
    .filter(([, ms]) => ms >= 50)
    .sort((a, b) => b[1] - a[1]);
  const inControllers = Object.values(r.controllerMs).reduce((a, b) => a + b, 0);
  const shown = parts.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`);
  return [...shown, `the rest ${((r.wallMs - inControllers) / 1000).toFixed(1)} s`].join(", ");
}

/** Runs the engine benchmark for 10, 100, 1,000 and 10,000 replicas and prints a table. */
export function runEngineBench(sizes: readonly number[] = [10, 100, 1000, 10_000]): RolloutMeasurement[] {
  const rows = sizes.map((n) => measureRollout(n));
  console.log("rolling update, 25%/25%, minReadySeconds 10 (v1 → v2, until complete)");
  console.log("replicas   wall ms   sim s   rounds   peak heap MB");
  for (const r of rows) {
    console.log(
      `${String(r.replicas).padStart(8)} ${r.wallMs.toFixed(0).padStart(9)} ${r.simSeconds.toFixed(0).padStart(7)} ${String(r.rounds).padStart(8)} ${r.peakHeapMB.toFixed(0).padStart(14)}`,
    );
  }
  const k1 = rows.find((r) => r.replicas === 1000);
  const k10 = rows.find((r) => r.replicas === 10_000);
  if (k1 && k10) {
    console.log(
      `10,000 vs 1,000: ${(k10.wallMs / k1.wallMs).toFixed(1)}× (goal ≤ 12×); 10,000 in ${(k10.wallMs / 1000).toFixed(2)} s (goal < 2 s)`,
    );
  }
  const largest = rows[rows.length - 1];
  if (largest)
    console.log(`where the ${largest.replicas}-replica rollout's time goes: ${breakdown(largest)}`);
  return rows;
}
