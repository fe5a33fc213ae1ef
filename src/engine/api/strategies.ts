/** Which strategy each kind has. Add a kind's strategy here when it gains defaults or validation. */
import { DEPLOYMENT_STRATEGY, REPLICASET_STRATEGY } from "./deployment-strategy";
import { POD_STRATEGY } from "./pod-strategy";
import { POLICY_STRATEGIES } from "./policy-strategies";
import { SERVICE_STRATEGY } from "./service-strategy";
import { GENERIC_STRATEGY, type KindStrategy } from "./strategy";

const STRATEGIES: Record<string, KindStrategy> = {
  ...POLICY_STRATEGIES,
  Deployment: DEPLOYMENT_STRATEGY,
  Pod: POD_STRATEGY,
  ReplicaSet: REPLICASET_STRATEGY,
  Service: SERVICE_STRATEGY,
};

/** The strategy of a kind, or the generic one. */
export function strategyFor(kind: string): KindStrategy {
  return STRATEGIES[kind] ?? GENERIC_STRATEGY;
}
