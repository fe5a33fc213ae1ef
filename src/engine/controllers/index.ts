/**
 * The components a default cluster runs, in the fixed order each settle round runs them: the
 * deployment controller first (it writes ReplicaSets), then the ReplicaSet controller (pods), the
 * scheduler (binds them), the kubelet (runs them), the endpoints controller (routes to the ready ones),
 * the garbage collector (owner references), the small namespace loops, and the API server's event TTL.
 */
import { clusterRoleAggregationController } from "./clusterrole-aggregation";
import type { Controller } from "./controller";
import { deploymentController } from "./deployment";
import { endpointsController } from "./endpoints";
import { eventTtlController } from "./event-ttl";
import { garbageCollector } from "./garbagecollector";
import { kubeletController } from "./kubelet";
import { quotaController } from "./quota";
import { replicaSetController } from "./replicaset";
import { schedulerController } from "./scheduler";
import { rootCaPublisher, serviceAccountController } from "./serviceaccount";

/** Every controller of a default cluster, in run order. A new array each call (callers may filter it). */
export function defaultControllers(): Controller[] {
  return [
    deploymentController,
    serviceAccountController,
    rootCaPublisher,
    replicaSetController,
    schedulerController,
    kubeletController,
    endpointsController,
    garbageCollector,
    quotaController,
    clusterRoleAggregationController,
    eventTtlController,
  ];
}
