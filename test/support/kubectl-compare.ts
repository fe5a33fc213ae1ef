/**
 * Runs one kubectl command twice on the same objects: the real kubectl v1.32.4 against the fake API
 * server, and ours against a cluster holding exactly those objects, both at the same wall-clock instant
 * (objects are moved in time so that ages agree). Also: the objects a live sandbox cluster stores, and
 * the date normalization of stored expectations.
 */
import { appendFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { allEvents, type Cluster, type KObject } from "../../src/engine";
import { fixture, type Ran, run, shiftTimes, T0 } from "../kubectl/support";
import { hasKubectl, startFakeApiServer } from "./fake-apiserver";

/** What both printed. */
export interface Compared {
  real: Ran;
  ours: Ran;
}

/** Waits for the start of a wall-clock second, so a kubectl started now computes ages within that second. */
async function startOfSecond(): Promise<number> {
  const ms = Date.now() % 1000;
  if (ms > 100) await new Promise((r) => setTimeout(r, 1000 - ms));
  return Math.floor(Date.now() / 1000) * 1000;
}

/**
 * `kubectl <args>` by the real kubectl and by ours on `objects` as they are `nowSec` after the sandbox
 * start. A second boundary crossed while kubectl ran shifts its ages by one: a mismatch is tried once more.
 */
export async function compareWithKubectl(
  objects: KObject[],
  nowSec: number,
  args: string[],
): Promise<Compared> {
  let last: Compared | undefined;
  for (let attempt = 0; attempt < 2; attempt++) {
    const t = await startOfSecond();
    const delta = t - (T0 + nowSec * 1000);
    const objs = shiftTimes(objects, delta);
    const server = await startFakeApiServer(objs);
    try {
      const real = await server.kubectl(args);
      const ours = run(fixture(objs, nowSec, T0 + delta), args);
      last = { real, ours };
      if (ours.stdout === real.stdout) break;
    } finally {
      await server.close();
    }
  }
  return last as Compared;
}

/** Our output alone, for the stored comparison when no kubectl is on PATH. */
export function oursOnly(objects: KObject[], nowSec: number, args: string[]): Ran {
  return run(fixture(objects, nowSec), args);
}

const DATE = /[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d \+0000/g;
const TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?Z/g;

/** Output with absolute dates replaced by `<date>` and `<time>` (they depend on when the test runs; ages and layout do not), MicroTime `.000000Z` ones too. */
export function normalizeDates(text: string): string {
  return text.replace(DATE, "<date>").replace(TIME, "<time>");
}

/** Every object a cluster stores, events included (wherever the engine keeps them). */
export function storedObjects(cluster: Cluster): KObject[] {
  const out: KObject[] = [];
  for (const bucket of Object.values(cluster.state.objects)) out.push(...(bucket?.values() ?? []));
  out.push(...allEvents(cluster.state));
  return structuredClone(out);
}

/**
 * Registers one test per command line: with a kubectl on PATH, ours must print exactly what the real one
 * prints for the same objects; without one, ours must print `stored[name]` (stdout then stderr, dates
 * replaced). `world` is built once, before the tests run.
 */
export function casesAgainstKubectl(
  title: string,
  world: () => KObject[],
  nowSec: number,
  cases: [name: string, args: (objects: KObject[]) => string[]][],
  stored: Record<string, string>,
): void {
  let useKubectl = false;
  let objects: KObject[] = [];
  beforeAll(async () => {
    useKubectl = await hasKubectl();
    objects = world();
  });
  describe(title, () => {
    it.each(cases)("%s", async (name, argsOf) => {
      const args = argsOf(objects);
      if (!useKubectl) {
        const ours = oursOnly(objects, nowSec, args);
        expect(normalizeDates(ours.stdout + ours.stderr)).toBe(stored[name]);
        return;
      }
      const { real, ours } = await compareWithKubectl(objects, nowSec, args);
      // KUBECTL_CAPTURE=FILE appends the real output as JSON lines, to refresh the stored expectations.
      const capture = process.env.KUBECTL_CAPTURE;
      if (capture)
        appendFileSync(capture, `${JSON.stringify([name, normalizeDates(real.stdout + real.stderr)])}\n`);
      expect(ours).toEqual(real);
    });
  });
}
