/**
 * deploymentStatus: every message of kubectl's DeploymentStatusViewer (kubectl-facts.md §2.1; the same
 * strings as kubectl's rollout_status_test.go cases).
 */
import { describe, expect, it } from "vitest";
import type { Deployment } from "../../src/engine";
import { deploymentStatus } from "../../src/kubectl/status/deployment";

function d(
  status: Deployment["status"],
  opts: { generation?: number; replicas?: number; revision?: string } = {},
): Deployment {
  return {
    metadata: {
      name: "http-go",
      generation: opts.generation ?? 1,
      annotations: { "deployment.kubernetes.io/revision": opts.revision ?? "2" },
    },
    spec: { replicas: opts.replicas ?? 3, selector: {}, template: {} },
    status: { observedGeneration: 1, ...status },
  };
}

describe("DeploymentStatusViewer messages (§2.1)", () => {
  it.each([
    [
      "spec update not observed",
      d({}, { generation: 2 }),
      { message: "Waiting for deployment spec update to be observed...\n", done: false },
    ],
    [
      "new replicas being updated",
      d({ replicas: 4, updatedReplicas: 1, availableReplicas: 3 }),
      {
        message:
          'Waiting for deployment "http-go" rollout to finish: 1 out of 3 new replicas have been updated...\n',
        done: false,
      },
    ],
    [
      "old replicas pending termination (plural even for 1)",
      d({ replicas: 4, updatedReplicas: 3, availableReplicas: 3 }),
      {
        message:
          'Waiting for deployment "http-go" rollout to finish: 1 old replicas are pending termination...\n',
        done: false,
      },
    ],
    [
      "updated replicas becoming available",
      d({ replicas: 3, updatedReplicas: 3, availableReplicas: 2 }),
      {
        message:
          'Waiting for deployment "http-go" rollout to finish: 2 of 3 updated replicas are available...\n',
        done: false,
      },
    ],
    [
      "done",
      d({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 }),
      { message: 'deployment "http-go" successfully rolled out\n', done: true },
    ],
    [
      "paused with a new template: 0 updated",
      d({ replicas: 3, updatedReplicas: 0, availableReplicas: 3 }),
      {
        message:
          'Waiting for deployment "http-go" rollout to finish: 0 out of 3 new replicas have been updated...\n',
        done: false,
      },
    ],
  ])("%s", (_, dep, expected) => {
    expect(deploymentStatus(dep)).toEqual(expected);
  });

  it("progress deadline exceeded is an error", () => {
    const dep = d({
      replicas: 4,
      updatedReplicas: 1,
      conditions: [{ type: "Progressing", status: "False", reason: "ProgressDeadlineExceeded" }],
    });
    expect(deploymentStatus(dep)).toEqual({
      message: "",
      done: false,
      error: 'deployment "http-go" exceeded its progress deadline',
    });
  });

  it("a pinned revision that is not running is an error", () => {
    expect(deploymentStatus(d({}), 1).error).toBe(
      "desired revision (1) is different from the running revision (2)",
    );
    expect(deploymentStatus(d({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 }), 2).done).toBe(true);
  });
});
