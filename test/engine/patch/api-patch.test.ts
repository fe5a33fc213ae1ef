/**
 * Api.patch and strict decoding through the API, compared with what a v1.32 server answers
 * (kubectl-facts §4.2, §8): unknown fields, type errors, missing merge keys, Go JSON errors.
 */
import { describe, expect, it } from "vitest";
import { ApiError, Cluster, type Manifest } from "../../../src/engine";

const deployment: Manifest = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "http-go" },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: "http-go" } },
    template: {
      metadata: { labels: { app: "http-go" } },
      spec: {
        containers: [{ name: "http-go", image: "gasbugs/http-go:v1", ports: [{ containerPort: 8080 }] }],
      },
    },
  },
};

function cluster(): Cluster {
  return new Cluster({
    controllers: [],
    bootstrap: (api) => void api.create("deployments", deployment, "default"),
  });
}

function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("strict decoding on create", () => {
  it("an unknown field is refused with its dotted path", () => {
    const c = new Cluster({ controllers: [] });
    const bad = { ...deployment, spec: { ...deployment.spec, processDeadlineSeconds: 600 } };
    const e = errorOf(() => c.request((api) => api.create("deployments", bad, "default")));
    expect(e.reason).toBe("BadRequest");
    expect(e.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.processDeadlineSeconds"',
    );
  });

  it("unknown fields inside a container carry the index, in document order", () => {
    const c = new Cluster({ controllers: [] });
    const bad = structuredClone(deployment);
    bad.spec.template.spec.containers[0].imagePullPolic = "Always";
    bad.spec.foo = 1;
    const e = errorOf(() => c.request((api) => api.create("deployments", bad, "default")));
    expect(e.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolic", unknown field "spec.foo"',
    );
  });

  it("a string where an int32 goes is the decoder's type error", () => {
    const c = new Cluster({ controllers: [] });
    const bad = { ...deployment, spec: { ...deployment.spec, replicas: "three" } };
    const e = errorOf(() => c.request((api) => api.create("deployments", bad, "default")));
    expect(e.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
  });

  it("Warn drops the field and warns", () => {
    const c = new Cluster({ controllers: [] });
    const bad = { ...deployment, spec: { ...deployment.spec, processDeadlineSeconds: 600 } };
    const r = c.request((api) => api.create("deployments", bad, "default", { fieldValidation: "Warn" }));
    expect(r.warnings).toEqual(['unknown field "spec.processDeadlineSeconds"']);
    expect(r.result.spec.processDeadlineSeconds).toBeUndefined();
  });
});

describe("Api.patch", () => {
  it("strategic: the container is merged by name; generation moves", () => {
    const c = cluster();
    const body =
      '{"spec":{"template":{"spec":{"containers":[{"name":"http-go","image":"gasbugs/http-go:v2"}]}}}}';
    const r = c.request((api) => api.patch("deployments", "default", "http-go", "strategic", body));
    const spec = r.result.spec.template.spec.containers[0];
    expect(spec.image).toBe("gasbugs/http-go:v2");
    expect(spec.ports).toEqual([{ containerPort: 8080, protocol: "TCP" }]);
    expect(r.result.metadata.generation).toBe(2);
  });

  it("the server default (Warn) drops an unknown field with a warning", () => {
    const c = cluster();
    const before = c.state.resourceVersion;
    const r = c.request((api) =>
      api.patch("deployments", "default", "http-go", "strategic", '{"spec":{"processDeadlineSeconds":600}}'),
    );
    expect(r.warnings).toEqual(['unknown field "spec.processDeadlineSeconds"']);
    expect(c.state.resourceVersion).toBe(before);
  });

  it("Strict: the patch path's Invalid error with the Go rendering of the patch", () => {
    const c = cluster();
    const e = errorOf(() =>
      c.request((api) =>
        api.patch(
          "deployments",
          "default",
          "http-go",
          "strategic",
          '{"spec":{"processDeadlineSeconds":600}}',
          {
            fieldValidation: "Strict",
          },
        ),
      ),
    );
    expect(e.reason).toBe("Invalid");
    expect(e.details.causes).toEqual([
      {
        field: "patch",
        message:
          'Invalid value: "map[spec:map[processDeadlineSeconds:600]]": strict decoding error: unknown field "spec.processDeadlineSeconds"',
      },
    ]);
  });

  it("a container without name is the bare 500", () => {
    const c = cluster();
    const e = errorOf(() =>
      c.request((api) =>
        api.patch(
          "deployments",
          "default",
          "http-go",
          "strategic",
          '{"spec":{"template":{"spec":{"containers":[{"image":"nginx:1.25"}]}}}}',
        ),
      ),
    );
    expect([e.reason, e.message]).toEqual([
      "",
      "map: map[image:nginx:1.25] does not contain declared merge key: name",
    ]);
  });

  it("bad JSON is Go's syntax error as BadRequest", () => {
    const c = cluster();
    const e = errorOf(() =>
      c.request((api) => api.patch("deployments", "default", "http-go", "merge", "{spec:1}")),
    );
    expect([e.reason, e.message]).toEqual([
      "BadRequest",
      "invalid character 's' looking for beginning of object key string",
    ]);
  });

  it("a JSON patch that does not apply is a bare 422", () => {
    const c = cluster();
    const e = errorOf(() =>
      c.request((api) =>
        api.patch(
          "deployments",
          "default",
          "http-go",
          "json",
          '[{"op":"replace","path":"/spec/foo/bar","value":1}]',
        ),
      ),
    );
    expect([e.reason, e.message]).toEqual([
      "Invalid",
      "the server rejected our request due to an error in our request",
    ]);
  });

  it("validation applies to the patched object", () => {
    const c = cluster();
    const e = errorOf(() =>
      c.request((api) => api.patch("deployments", "default", "http-go", "merge", { spec: { replicas: -1 } })),
    );
    expect(e.reason).toBe("Invalid");
    expect(e.details.kind).toBe("Deployment");
  });

  it("a missing object is NotFound", () => {
    const c = cluster();
    const e = errorOf(() => c.request((api) => api.patch("deployments", "default", "nope", "merge", {})));
    expect(e.message).toBe('deployments.apps "nope" not found');
  });
});
