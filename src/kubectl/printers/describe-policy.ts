/**
 * `kubectl describe` of the policy kinds (describe.go describeRole, describeRoleBinding, describeQuota,
 * describeLimitRange): one aligned block (tabwriter padding 2), where a TAB-less line (`PolicyRule:`,
 * `Role:`, `Subjects:`) starts a new alignment block, as in the real output:
 * ```
 * Name:         ibtisam
 * Labels:       <none>
 * Annotations:  <none>
 * PolicyRule:
 *   Resources  Non-Resource URLs  Resource Names  Verbs
 *   ---------  -----------------  --------------  -----
 *   *          []                 []              [*]
 * ```
 */
import type { KObject } from "../../engine";
import { accessRows } from "./access";
import { printAnnotations, printLabels } from "./describe-common";
import { describeLimitRangeLines, describeQuotaLines } from "./policy";
import { PrefixWriter } from "./prefix-writer";
import { alignTabs, DESCRIBE_TABS } from "./tabwriter";

/** The describe text of a policy object, or undefined for other kinds. Ends with a newline. */
export function describePolicy(obj: KObject): string | undefined {
  switch (obj.kind) {
    case "Role":
    case "ClusterRole":
      return aligned(describeRole(obj));
    case "RoleBinding":
    case "ClusterRoleBinding":
      return aligned(describeBinding(obj));
    case "ResourceQuota":
      return aligned(`${describeQuotaLines(obj).join("\n")}\n`);
    case "LimitRange":
      return aligned(`${describeLimitRangeLines(obj).join("\n")}\n`);
    default:
      return undefined;
  }
}

function aligned(text: string): string {
  return alignTabs(text, DESCRIBE_TABS);
}

function header(w: PrefixWriter, obj: KObject): void {
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  printLabels(w, "Labels", obj.metadata.labels);
  printAnnotations(w, "Annotations", obj.metadata.annotations);
}

/** describeRole / describeClusterRole: the rules broken down, compacted and sorted as `can-i --list` does. */
function describeRole(role: KObject): string {
  const w = new PrefixWriter();
  header(w, role);
  w.write(0, "PolicyRule:\n");
  w.write(1, "Resources\tNon-Resource URLs\tResource Names\tVerbs\n");
  w.write(1, "---------\t-----------------\t--------------\t-----\n");
  for (const row of accessRows(role.rules ?? [])) w.write(1, `${row.join("\t")}\n`);
  return w.toString();
}

/** describeRoleBinding / describeClusterRoleBinding. */
function describeBinding(b: KObject): string {
  const w = new PrefixWriter();
  header(w, b);
  w.write(0, "Role:\n");
  w.write(1, `Kind:\t${b.roleRef?.kind ?? ""}\n`);
  w.write(1, `Name:\t${b.roleRef?.name ?? ""}\n`);
  w.write(0, "Subjects:\n");
  w.write(1, "Kind\tName\tNamespace\n");
  w.write(1, "----\t----\t---------\n");
  for (const s of b.subjects ?? []) w.write(1, `${s.kind}\t${s.name}\t${s.namespace ?? ""}\n`);
  return w.toString();
}
