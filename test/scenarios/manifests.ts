/** Manifests the scenarios apply, as a learner would have them in files (the lessons' http-go and limit range). */

/** Deployment http-go, 3 replicas of gasbugs/http-go:v1 on port 8080 (lessons/02-quota/http-go-v1.yaml). */
export const HTTP_GO_V1 = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: http-go
  labels:
    app: http-go
spec:
  replicas: 3
  selector:
    matchLabels:
      app: http-go
  template:
    metadata:
      labels:
        app: http-go
    spec:
      containers:
      - name: http-go
        image: gasbugs/http-go:v1
        ports:
        - containerPort: 8080
`;

/** LimitRange cpu-limits: a container may use at most 500m CPU; defaults 100m request, 200m limit (lessons/05). */
export const CPU_LIMITS = `apiVersion: v1
kind: LimitRange
metadata:
  name: cpu-limits
spec:
  limits:
  - type: Container
    max:
      cpu: 500m
    default:
      cpu: 200m
    defaultRequest:
      cpu: 100m
`;

/** A single pod named `name`, with an optional container CPU limit. */
export function podYaml(name: string, cpuLimit?: string): string {
  const resources = cpuLimit ? `    resources:\n      limits:\n        cpu: "${cpuLimit}"\n` : "";
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: http-go
    image: gasbugs/http-go:v1
${resources}`;
}

/** http-go with a readiness probe on a port the app does not listen on (8081), and a 60 s progress deadline. */
export const HTTP_GO_WRONG_PROBE = HTTP_GO_V1.replace(
  "  replicas: 3\n",
  "  replicas: 3\n  progressDeadlineSeconds: 60\n",
).replace(
  "        - containerPort: 8080\n",
  "        - containerPort: 8080\n        readinessProbe:\n          httpGet:\n            path: /healthz\n            port: 8081\n          periodSeconds: 5\n",
);

/** http-go with one replica of `image`, extra container lines (indented 8) and a 60 s progress deadline. */
export function httpGoWith(image: string, containerExtra = ""): string {
  return HTTP_GO_V1.replace("  replicas: 3\n", "  replicas: 1\n  progressDeadlineSeconds: 60\n")
    .replace("gasbugs/http-go:v1", image)
    .replace("        - containerPort: 8080\n", `        - containerPort: 8080\n${containerExtra}`);
}
