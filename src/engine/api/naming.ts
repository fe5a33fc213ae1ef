/**
 * The API server's generated values: name suffixes (`generateName`), uids and the seeded generator they
 * draw from. The generator's state lives in the cluster value (`state.rng`), so runs are reproducible.
 */
import type { ClusterState } from "../store/state";

/** The safe alphabet of generated names (`k8s.io/apimachinery/pkg/util/rand`): no vowels, no 0, 1, 3. */
export const SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** `n` characters of the safe alphabet drawn from the state's seeded generator. */
export function randomSuffix(state: ClusterState, n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += SAFE_ALPHABET[nextRandomInt(state, SAFE_ALPHABET.length)];
  return out;
}

/**
 * The next integer in [0, bound) from the seeded generator (mulberry32) kept in `state.rng`. Lives here
 * because the API server draws generated names; controllers and the network draw from it too.
 */
export function nextRandomInt(state: ClusterState, bound: number): number {
  // One read and one write of the draft's field: a 10,000-pod pass draws 50,000 times.
  let t = (state.rng + 0x6d2b79f5) >>> 0;
  state.rng = t;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  return Math.floor(r * bound);
}

/** A uid with the real 8-4-4-4-12 shape (store/uid.ts: the event recorder draws from the same counter). */
export { uidFor } from "../store/uid";
