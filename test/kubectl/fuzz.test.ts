/**
 * Fuzz (fast-check): random command lines built from kubectl words, flags, names and garbage never throw out
 * of `kubectl()`, always end with an exit code, print something on stderr when they fail, and never change
 * the cluster through a read verb. Rules: K1 (bad input never throws, common.md), K2 (a failing command
 * says why on stderr), K3 (get/describe/rollout status|history/logs/version/api-resources are read-only).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCluster } from "../../src/engine";
import { run } from "./support";

const WORDS = [
  "get",
  "describe",
  "rollout",
  "status",
  "history",
  "undo",
  "pause",
  "resume",
  "restart",
  "logs",
  "version",
  "api-resources",
  "deploy",
  "deployment",
  "deployments.apps",
  "rs",
  "po",
  "pods",
  "svc",
  "ep",
  "events",
  "all",
  "deploy,rs",
  "deploy/http-go",
  "http-go",
  "pod/x",
  "nope",
  "ns",
  "no",
  "-o",
  "wide",
  "yaml",
  "json",
  "name",
  "jsonpath={.items[*].metadata.name}",
  "jsonpath={range",
  "custom-columns=A:.metadata.name",
  "-l",
  "app=http-go",
  "a in (",
  "-A",
  "-n",
  "kube-system",
  "--revision",
  "--revision=2",
  "--revision=-1",
  "--revision=x",
  "-w",
  "--watch=false",
  "--timeout=1s",
  "--timeout=x",
  "--to-revision=1",
  "--dry-run=client",
  "--show-labels",
  "-L",
  "app",
  "--",
  "-",
  "-h",
  "--help",
  "--as=jane",
  "--foo",
  "-x",
  "-nfoo",
  "=",
  "'",
  '"',
  "",
  "*",
];

const READ_ONLY = new Set(["get", "describe", "logs", "version", "api-resources"]);

describe("kubectl fuzz", () => {
  const base = createCluster({ seed: 3 });
  base.request((api) =>
    api.create("deployments", {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "http-go" },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: "http-go" } },
        template: {
          metadata: { labels: { app: "http-go" } },
          spec: { containers: [{ name: "http-go", image: "gasbugs/http-go:v1" }] },
        },
      },
    }),
  );
  base.advance(30_000);
  const snapshot = base.state;

  it("K1 K2 K3: random argv", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), {
          minLength: 0,
          maxLength: 7,
        }),
        (argv) => {
          base.restore(snapshot);
          const before = base.state;
          const r = run(base, argv, 5_000);
          expect(Number.isInteger(r.exit)).toBe(true);
          if (r.exit !== 0 && r.exit !== 130) expect(r.stderr.length + r.stdout.length).toBeGreaterThan(0);
          const verb = argv.find((a) => !a.startsWith("-"));
          const sub = argv.filter((a) => !a.startsWith("-"))[1];
          const readOnly =
            verb !== undefined &&
            (READ_ONLY.has(verb) || (verb === "rollout" && ["status", "history"].includes(sub ?? "")));
          if (readOnly) expect(base.state.objects).toBe(before.objects);
        },
      ),
      { numRuns: 300, seed: 42 },
    );
  });
});
