/**
 * Which strategy each kind has. Add a kind's strategy here when it gains defaults or validation. Every
 * kind with a schema (model/schema-kinds.ts) gets strict decoding's `unknownFields` from it unless its
 * strategy brings its own.
 */
import { unknownFieldPaths } from "../model/schema";
import { schemaFor } from "../model/schema-kinds";
import { DEPLOYMENT_STRATEGY, REPLICASET_STRATEGY } from "./deployment-strategy";
import { POD_STRATEGY } from "./pod-strategy";
import { POLICY_STRATEGIES } from "./policy-strategies";
import { SERVICE_STRATEGY } from "./service-strategy";
import { GENERIC_STRATEGY, type KindStrategy } from "./strategy";

/** Secret: SetDefaults_Secret gives a secret without a type the type `Opaque` (`kubectl create secret generic` sends none). */
const SECRET_STRATEGY: KindStrategy = {
  applyDefaults(obj) {
    obj.type ||= "Opaque";
  },
};

const STRATEGIES: Record<string, KindStrategy> = {
  ...POLICY_STRATEGIES,
  Deployment: DEPLOYMENT_STRATEGY,
  Pod: POD_STRATEGY,
  ReplicaSet: REPLICASET_STRATEGY,
  Service: SERVICE_STRATEGY,
  Secret: SECRET_STRATEGY,
};

const WITH_SCHEMA = new Map<string, KindStrategy>();

/** The strategy of a kind, or the generic one, with the schema's unknown-field check. */
export function strategyFor(kind: string): KindStrategy {
  const cached = WITH_SCHEMA.get(kind);
  if (cached) return cached;
  const base = STRATEGIES[kind] ?? GENERIC_STRATEGY;
  const schema = schemaFor(kind);
  const strategy: KindStrategy =
    base.unknownFields || !schema
      ? base
      : { ...base, unknownFields: (obj) => unknownFieldPaths(schema, obj) };
  WITH_SCHEMA.set(kind, strategy);
  return strategy;
}
