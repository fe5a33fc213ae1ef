/**
 * pod-template-hash (controller.ComputeHash): a 32-bit FNV-1a over the pod template, plus the collision
 * count when it is set, printed as a decimal number through the safe-alphabet digit map. The real
 * controller hashes Go's spew dump of the template; we hash a canonical JSON instead, so names have the
 * real form (`http-go-5f4d98f6d5`) but not the real value (the README lists this difference).
 */

import { SAFE_ALPHABET } from "../../api/naming";
import { canonicalJson } from "../../model/canonical";
import type { PodTemplateSpec } from "../../model/types";

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Feeds bytes into a running 32-bit FNV-1a sum. */
function fnv1a(hash: number, bytes: Uint8Array): number {
  let h = hash;
  for (const b of bytes) h = Math.imul(h ^ b, FNV_PRIME) >>> 0;
  return h;
}

/**
 * SafeEncodeString of a decimal string: each character c becomes alphabet[code(c) % 27], so the digits map
 * 0→4 1→5 2→6 3→7 4→8 5→9 6→b 7→c 8→d 9→f. Example: "1908549281" → "5f4d98f6d5".
 */
export function safeEncodeString(s: string): string {
  let out = "";
  for (const ch of s) out += SAFE_ALPHABET[(ch.codePointAt(0) ?? 0) % SAFE_ALPHABET.length];
  return out;
}

/**
 * ComputeHash(template, collisionCount): FNV-1a 32 of the canonical template; when collisionCount is
 * set (0 included), also the uint32 little-endian count and four zero bytes, so undefined and 0 differ.
 */
export function computeHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  let h = fnv1a(FNV_OFFSET, new TextEncoder().encode(canonicalJson(template ?? {})));
  if (collisionCount !== undefined) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv1a(h, bytes);
  }
  return safeEncodeString(String(h >>> 0));
}
