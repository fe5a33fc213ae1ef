/**
 * The finished v1 → v2 rollout of `http-go` that the describe and real-kubectl tests both print: the
 * Deployment at revision 2 (change-cause of `set image … --record`), all 3 replicas updated and
 * available, and its two ReplicaSets (v1 scaled to 0, v2 at 3).
 */
import type { KObject } from "../../src/engine";
import { deployment, replicaSet } from "../kubectl/fixtures";

/** The change-cause `kubectl set image … --record=true` records. */
export const V2_CHANGE_CAUSE =
  "kubectl set image deployment/http-go http-go=example/http-go:v2 --record=true";

/** The Deployment after the rollout: 3/3 updated and available, both conditions True. */
export function rolledOutDeployment(): KObject {
  return deployment(
    {
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [
        { type: "Available", status: "True", reason: "MinimumReplicasAvailable" },
        { type: "Progressing", status: "True", reason: "NewReplicaSetAvailable" },
      ],
    },
    {
      annotations: {
        "deployment.kubernetes.io/revision": "2",
        "kubernetes.io/change-cause": V2_CHANGE_CAUSE,
      },
    },
  );
}

/** Its ReplicaSets: v1 (revision 1, scaled to 0) and v2 (revision 2, 3 ready) created at `v2CreatedSec`. */
export function rolledOutReplicaSets(v2CreatedSec: number, v2ChangeCause?: string): KObject[] {
  return [
    replicaSet("5d4f7c9b6", 1, "example/http-go:v1", { desired: 0, current: 0, ready: 0 }, 0),
    replicaSet(
      "7c5f9d8b6d",
      2,
      "example/http-go:v2",
      { desired: 3, current: 3, ready: 3 },
      v2CreatedSec,
      v2ChangeCause,
    ),
  ];
}
