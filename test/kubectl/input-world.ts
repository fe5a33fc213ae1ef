/** The sandbox the kubectl input tests start from: http-go (revisions 1 and 2) and its Service. */
import { HTTP_GO_V1, Sandbox } from "./write/harness";

/** The http-go Service manifest. */
export const SVC = `apiVersion: v1
kind: Service
metadata:
  name: http-go
spec:
  selector:
    app: http-go
  ports:
  - port: 8080
`;

/** A sandbox with http-go (revisions 1 and 2) and its Service applied from d.yaml. */
export function world(): Sandbox {
  const s = new Sandbox({ "d.yaml": `${HTTP_GO_V1}---\n${SVC}`, "dep.yaml": HTTP_GO_V1, "svc.yaml": SVC });
  s.k("apply -f d.yaml");
  s.k("set image deploy/http-go http-go=gasbugs/http-go:v2 --record");
  return s;
}
