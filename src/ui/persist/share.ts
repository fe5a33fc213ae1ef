/**
 * Share links and session files. A link carries the whole saved session in the URL fragment
 * (`#session=` + base64url of the deflate-raw compressed JSON), so it never reaches a server and
 * the page recreates the session offline. A file is the same JSON, uncompressed and readable.
 */
import { isSavedSession, type SavedSession } from "./storage";

/** The fragment parameter that holds a shared session. */
export const SHARE_PARAM = "session";

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The fragment value for `saved`. */
export async function encodeShare(saved: SavedSession): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(saved));
  return toBase64Url(await pipe(json, new CompressionStream("deflate-raw")));
}

/** The session in a fragment value; throws if it is not one. */
export async function decodeShare(value: string): Promise<SavedSession> {
  const json = new TextDecoder().decode(
    await pipe(fromBase64Url(value), new DecompressionStream("deflate-raw")),
  );
  const parsed: unknown = JSON.parse(json);
  if (!isSavedSession(parsed)) throw new Error("not a session");
  return parsed;
}

/** The shared session's fragment value in `hash` (`#session=…`), if any. */
export function shareParam(hash: string): string | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  return params.get(SHARE_PARAM) ?? undefined;
}

/** The share URL for `saved` based on `location` (its fragment replaced). */
export async function shareUrl(saved: SavedSession, location: { href: string }): Promise<string> {
  const base = location.href.replace(/#.*$/, "");
  return `${base}#${SHARE_PARAM}=${await encodeShare(saved)}`;
}

/** Offers `saved` as a downloaded JSON file. */
export function downloadSession(saved: SavedSession, fileName = "rollout-sandbox-session.json"): void {
  const blob = new Blob([`${JSON.stringify(saved, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The session in an uploaded file's text; throws with a reason if it is not one. */
export function parseSessionFile(text: string): SavedSession {
  const parsed: unknown = JSON.parse(text);
  if (!isSavedSession(parsed)) throw new Error('missing "version": 1 and "session"');
  return parsed;
}
