/**
 * Deployment defaults (§1.1) and validation (§1.2) with the API server's field paths and messages
 * (pkg/apis/apps/validation; bad values printed as Go's %#v, e.g. intstr.IntOrString{…}).
 */
import { describe, expect, it } from "vitest";
import { Api } from "../../../src/engine/api/api";
import { ApiError } from "../../../src/engine/api/errors";
import type { KObject } from "../../../src/engine/model/types";
import { emptyState } from "../../../src/engine/store/state";
import { transact } from "../../../src/engine/store/transaction";
import { deployment } from "./harness";

/** Creates `d` (and optionally updates it with `change`) on a fresh state; returns the error message or the object. */
function attempt(d: KObject, change?: (d: KObject) => void): string | KObject {
  try {
    return transact(emptyState(1), (draft) => {
      const api = new Api(draft);
      api.create("namespaces", { metadata: { name: "default" } });
      const stored = api.create("deployments", d, "default");
      if (!change) return stored;
      const next = JSON.parse(JSON.stringify(stored));
      change(next);
      return api.update("deployments", next);
    }).result;
  } catch (e) {
    if (e instanceof ApiError) return e.message;
    throw e;
  }
}

const with_ = (f: (d: KObject) => void): KObject => {
  const d = deployment(3);
  f(d);
  return d;
};

describe("Deployment defaults (SetDefaults_Deployment)", () => {
  it("fills replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600", () => {
    const d = attempt({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web" },
      spec: {
        selector: { matchLabels: { app: "web" } },
        template: {
          metadata: { labels: { app: "web" } },
          spec: { containers: [{ name: "web", image: "web:v1" }] },
        },
      },
    }) as KObject;
    expect(d.spec).toMatchObject({
      replicas: 1,
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
    expect(d.metadata.generation).toBe(1);
  });
});

describe("Deployment validation", () => {
  it.each([
    [
      "maxSurge and maxUnavailable both 0",
      with_((d) => (d.spec.strategy.rollingUpdate = { maxSurge: 0, maxUnavailable: 0 })),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0',
    ],
    [
      'both "0%"',
      with_((d) => (d.spec.strategy.rollingUpdate = { maxSurge: "0%", maxUnavailable: "0%" })),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}: may not be 0 when `maxSurge` is 0',
    ],
    [
      "maxUnavailable over 100%",
      with_((d) => (d.spec.strategy.rollingUpdate = { maxSurge: 1, maxUnavailable: "150%" })),
      'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
    ],
    [
      "a string without %",
      with_((d) => (d.spec.strategy.rollingUpdate = { maxSurge: "1", maxUnavailable: 1 })),
      `Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"1"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    ],
    [
      "selector not matching the template labels",
      with_((d) => (d.spec.template.metadata.labels = { app: "other" })),
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`',
    ],
    [
      "progressDeadlineSeconds not above minReadySeconds",
      with_((d) => {
        d.spec.minReadySeconds = 10;
        d.spec.progressDeadlineSeconds = 10;
      }),
      'Deployment.apps "web" is invalid: spec.progressDeadlineSeconds: Invalid value: 10: must be greater than minReadySeconds',
    ],
    [
      "negative replicas",
      with_((d) => (d.spec.replicas = -1)),
      'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      "Recreate with a rollingUpdate block",
      with_((d) => (d.spec.strategy.type = "Recreate")),
      "Deployment.apps \"web\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ],
    [
      "a name that is not a DNS subdomain",
      with_((d) => (d.metadata.name = "Web_1")),
      `Deployment.apps "Web_1" is invalid: metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ],
  ])("rejects %s", (_name, d, message) => {
    expect(attempt(d)).toBe(message);
  });

  it("accepts maxSurge 0 with maxUnavailable 1% (resolves to the fencepost later) and maxSurge 200%", () => {
    expect(
      typeof attempt(with_((d) => (d.spec.strategy.rollingUpdate = { maxSurge: 0, maxUnavailable: "1%" }))),
    ).toBe("object");
    expect(
      typeof attempt(with_((d) => (d.spec.strategy.rollingUpdate = { maxSurge: "200%", maxUnavailable: 0 }))),
    ).toBe("object");
  });

  it("keeps the selector immutable on update", () => {
    const message = attempt(deployment(3), (d) => {
      d.spec.selector = { matchLabels: { app: "web", tier: "fe" } };
      d.spec.template.metadata.labels = { app: "web", tier: "fe" };
    });
    expect(message).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web", "tier":"fe"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });

  it("bumps the generation on spec and annotation changes only", () => {
    const spec = attempt(deployment(3), (d) => (d.spec.replicas = 4)) as KObject;
    expect(spec.metadata.generation).toBe(2);
    const annotated = attempt(deployment(3), (d) => (d.metadata.annotations = { note: "x" })) as KObject;
    expect(annotated.metadata.generation).toBe(2);
    const labelled = attempt(deployment(3), (d) => (d.metadata.labels = { x: "y" })) as KObject;
    expect(labelled.metadata.generation).toBe(1);
  });
});
