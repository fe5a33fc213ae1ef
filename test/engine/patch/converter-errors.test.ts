/**
 * Type errors of a strategic merge patch, as the v1.32 API server words them: the patched map is decoded
 * by apimachinery's unstructured converter (runtime/converter.go fromUnstructured), whose messages are
 * `unrecognized type: <kind>` (no reflect conversion exists), `cannot convert <type> to <kind>` (a conversion
 * JSON forbids) and `cannot restore struct from: <kind>` / `cannot restore slice from <kind>`. The patch
 * is shown with Go's %+v of the patch map (patch.go applyPatchToObject). Also the immutable-selector error
 * when the selector is removed: field.Error prints a nil pointer as "null".
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
      spec: { containers: [{ name: "http-go", image: "gasbugs/http-go:v1" }] },
    },
  },
};

function patchError(type: "strategic" | "merge", body: string): string[] {
  const c = new Cluster({
    controllers: [],
    bootstrap: (api) => void api.create("deployments", deployment, "default"),
  });
  try {
    c.request((api) => api.patch("deployments", "default", "http-go", type, body));
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return [e.reason, ...(e.details.causes ?? []).map((x) => `${x.field}: ${x.message}`)];
  }
  return ["no error"];
}

describe("strategic merge patch type errors (unstructured converter)", () => {
  it.each([
    [
      '{"spec":{"replicas":"abc"}}',
      'patch: Invalid value: "map[spec:map[replicas:abc]]": unrecognized type: int32',
    ],
    [
      '{"spec":{"replicas":1.5}}',
      'patch: Invalid value: "map[spec:map[replicas:1.5]]": cannot convert float64 to int32',
    ],
    [
      '{"spec":{"paused":"yes"}}',
      'patch: Invalid value: "map[spec:map[paused:yes]]": unrecognized type: bool',
    ],
    [
      '{"spec":{"template":{"spec":{"containers":[{"name":"http-go","image":5}]}}}}',
      'patch: Invalid value: "map[spec:map[template:map[spec:map[containers:[map[image:5 name:http-go]]]]]]": cannot convert int64 to string',
    ],
    [
      '{"spec":{"template":{"spec":{"containers":[{"name":"http-go","image":true}]}}}}',
      'patch: Invalid value: "map[spec:map[template:map[spec:map[containers:[map[image:true name:http-go]]]]]]": unrecognized type: string',
    ],
    [
      '{"spec":{"selector":"app"}}',
      'patch: Invalid value: "map[spec:map[selector:app]]": cannot restore struct from: string',
    ],
  ])("%s", (body, cause) => {
    expect(patchError("strategic", body)).toEqual(["Invalid", cause]);
  });

  it("an integral float fits an int32 field (the converter converts whole floats)", () => {
    expect(patchError("strategic", '{"spec":{"replicas":2.0}}')).toEqual(["no error"]);
  });
});

describe("removing the selector", () => {
  it('is refused as immutable with the nil value printed as "null"', () => {
    const lines = patchError("merge", '{"spec":{"selector":null}}');
    expect(lines[0]).toBe("Invalid");
    expect(lines).toContain('spec.selector: Invalid value: "null": field is immutable');
  });
});
