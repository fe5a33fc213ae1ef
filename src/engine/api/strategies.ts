/** Which strategy each kind has. Add a kind's strategy here when it gains defaults or validation. */
import { GENERIC_STRATEGY, type KindStrategy } from "./strategy";

const STRATEGIES: Record<string, KindStrategy> = {};

/** The strategy of a kind, or the generic one. */
export function strategyFor(kind: string): KindStrategy {
  return STRATEGIES[kind] ?? GENERIC_STRATEGY;
}
