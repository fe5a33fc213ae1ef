/**
 * The layer rule of ARCHITECTURE.md, checked on the source: every import of a file under src/ goes
 * only to its own layer or to a layer below it, and only through the public entry of the engine
 * (src/engine/index.ts) once it leaves the engine. UI and Node modules stay in their layers.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(__dirname, "../../src");

/** Layers from the bottom up, with the layers each may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  "engine/model": [],
  "engine/store": ["engine/model"],
  "engine/api": ["engine/model", "engine/store"],
  "engine/controllers": ["engine/model", "engine/store", "engine/api"],
  "engine/sim": ["engine/model", "engine/store", "engine/api", "engine/controllers"],
  engine: ["engine/model", "engine/store", "engine/api", "engine/controllers", "engine/sim"],
  kubectl: ["engine"],
  shell: ["kubectl", "engine"],
  session: ["shell", "kubectl", "engine"],
  lessons: ["session", "shell", "kubectl", "engine"],
  ui: ["lessons", "session", "engine"],
  cli: ["lessons", "session", "engine"],
};

function layerOf(file: string): string {
  const rel = relative(SRC, file).split("\\").join("/");
  const parts = rel.split("/");
  if (parts[0] === "engine") return parts.length > 2 ? `engine/${parts[1]}` : "engine";
  return parts[0] ?? "";
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs: string[] = [];
  for (const m of text.matchAll(
    /(?:import|export)\s[^'"]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g,
  )) {
    specs.push((m[1] ?? m[2]) as string);
  }
  return specs;
}

/** The violations of the layer rule in src/, as readable lines. */
function violations(): string[] {
  const out: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const from = layerOf(file);
    for (const spec of importsOf(file)) {
      const rel = relative(SRC, file);
      if (spec.startsWith("node:") && from !== "cli")
        out.push(`${rel}: imports ${spec} (only src/cli may use Node modules)`);
      if (/^(react|react-dom|@xterm|@codemirror|codemirror)(\/|$)/.test(spec) && from !== "ui")
        out.push(`${rel}: imports ${spec} (UI libraries belong in src/ui)`);
      if (!spec.startsWith(".")) continue;
      const target = resolve(dirname(file), spec);
      if (!target.startsWith(SRC)) continue;
      const to = layerOf(target.endsWith(".ts") || target.endsWith(".tsx") ? target : `${target}/x.ts`);
      const toEngineEntry =
        relative(SRC, target)
          .replace(/\\/g, "/")
          .replace(/\/index(\.ts)?$/, "") === "engine";
      if (to === from) continue;
      if (to.startsWith("engine") && !from.startsWith("engine") && !toEngineEntry) {
        out.push(`${rel}: imports ${spec} (outside the engine, import only src/engine/index.ts)`);
        continue;
      }
      const allowed = ALLOWED[from] ?? [];
      if (!allowed.includes(to)) out.push(`${rel}: layer ${from} imports ${to} via ${spec}`);
    }
  }
  return out;
}

describe("layers (ARCHITECTURE.md)", () => {
  it("every import goes to the same layer or one below it, through the engine's entry", () => {
    expect(violations()).toEqual([]);
  });

  it("knows every folder under src/ as a layer", () => {
    const unknown = sourceFiles(SRC)
      .map(layerOf)
      .filter((l) => !(l in ALLOWED));
    expect([...new Set(unknown)]).toEqual([]);
  });
});
