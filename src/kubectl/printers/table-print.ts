/**
 * Human-readable `kubectl get` output: one table per resource type (a blank line between types), headers
 * upper-cased, `NAMESPACE` first with `-A`, `kind.group/` prefixed names when several types were asked
 * for, `-L` label columns and `--show-labels` at the end, aligned as kubectl's tabwriter does.
 */
import type { KObject, ResourceType } from "../../engine";
import { resourceName } from "./output";
import { columnsFor, formatLabelMap } from "./tables";
import { alignRows } from "./tabwriter";

/** How to print the tables. */
export interface TableOptions {
  wide?: boolean;
  /** Prefix names with `deployment.apps/` (several types, `all`, `--show-kind`). */
  showKind?: boolean;
  /** Add the NAMESPACE column (`-A`). */
  showNamespace?: boolean;
  showLabels?: boolean;
  /** `-L key`: one column per key. */
  labelColumns?: string[];
  noHeaders?: boolean;
  /** Wall-clock milliseconds for AGE. */
  nowMs: number;
}

/** The header cells of a type's table. */
export function tableHeader(t: ResourceType, opts: TableOptions): string[] {
  const cols = columnsFor(t.resource, !!opts.wide).map((c) => c.header.toUpperCase());
  const labelCols = (opts.labelColumns ?? []).map((k) => (k.split("/").pop() ?? k).toUpperCase());
  return [
    ...(opts.showNamespace ? ["NAMESPACE"] : []),
    ...cols,
    ...labelCols,
    ...(opts.showLabels ? ["LABELS"] : []),
  ];
}

/** The cells of one object's row. */
export function tableRow(t: ResourceType, obj: KObject, opts: TableOptions): string[] {
  const cols = columnsFor(t.resource, !!opts.wide);
  const cells = cols.map((c) => c.cell(obj, opts.nowMs));
  if (opts.showKind && cols[0]?.header === "Name") cells[0] = resourceName(t, obj);
  const labels = obj.metadata.labels ?? {};
  const labelCells = (opts.labelColumns ?? []).map((k) => labels[k] ?? "");
  return [
    ...(opts.showNamespace ? [obj.metadata.namespace ?? ""] : []),
    ...cells,
    ...labelCells,
    ...(opts.showLabels ? [formatLabelMap(labels)] : []),
  ];
}

/** All tables for `groups` (objects grouped by type, in request order), empty groups skipped. */
export function printTables(groups: { type: ResourceType; objs: KObject[] }[], opts: TableOptions): string {
  const blocks: string[] = [];
  for (const { type, objs } of groups) {
    if (objs.length === 0) continue;
    const rows = objs.map((o) => tableRow(type, o, opts));
    blocks.push(alignRows(opts.noHeaders ? rows : [tableHeader(type, opts), ...rows]));
  }
  return blocks.join("\n");
}
