/**
 * `kubectl describe TYPE [NAME_PREFIX] | TYPE/NAME`: a name that is not found falls back to every object
 * whose name starts with it; several descriptions are separated by a blank line (two newlines).
 */
import { type ApiError, type Deployment, type KObject, listStored, type Pod } from "../../engine";
import { build, fetchResources, type Info, noResourcesFound } from "../builder";
import { CobraError, ErrorList } from "../errors";
import type { Flags } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { DESCRIBE_HELP } from "../help/describe";
import {
  type DescribeContext,
  describeConfigMap,
  describeDeployment,
  describeEndpoints,
  describeNamespace,
  describePod,
  describeReplicaSet,
  describeService,
} from "../printers/describe";
import { eventsFor } from "../printers/describe-common";
import { describeGeneric, describeSecret, describeServiceAccount } from "../printers/describe-core";
import { describeNode, nodeEvents } from "../printers/describe-node";
import { describePolicy } from "../printers/describe-policy";
import { describeLimitRangeLines, describeQuotaLines } from "../printers/policy";
import { alignTabs, DESCRIBE_TABS } from "../printers/tabwriter";
import { done, type Program } from "../program";
import { newReplicaSet, replicaSetsOf, templateKey } from "./rollout-common";
import type { CommandContext, CommandSpec } from "./types";

/** `kubectl describe`. */
export const describeCommand: CommandSpec = {
  name: "describe",
  flags: flagsFromHelp(DESCRIBE_HELP),
  help: DESCRIBE_HELP,
  run: runDescribe,
};

function runDescribe(args: string[], flags: Flags, ctx: CommandContext): Program {
  if (args.length === 0 && flags.list("filename").length === 0) {
    throw new CobraError(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  const sel = {
    namespace: ctx.namespace,
    allNamespaces: flags.bool("all-namespaces"),
    selector: flags.string("selector"),
  };
  const { infos, errors, requests } = build(ctx, { ...sel, args, filenames: flags.list("filename") });
  // `TYPE NAME` not found describes every object whose name starts with it (only with exactly two args).
  const kept: Error[] = [];
  for (const e of errors) {
    const err = e as ApiError;
    const req =
      args.length === 2 ? requests.find((r) => r.names.includes(err.details?.name ?? "")) : undefined;
    if (err.reason !== "NotFound" || !req) {
      kept.push(e);
      continue;
    }
    const prefix = err.details.name ?? "";
    const all = fetchResources(ctx, [{ type: req.type, names: [] }], { namespace: ctx.namespace }).infos;
    const matches = all.filter((i) => i.obj.metadata.name.startsWith(prefix));
    if (matches.length === 0) kept.push(e);
    infos.push(...matches);
  }
  if (infos.length === 0 && kept.length === 0) {
    ctx.io.err(noResourcesFound(sel));
    return done(0);
  }
  const texts = infos.map((i) => describeOne(ctx, i, flags.bool("show-events")));
  if (texts.length > 0) ctx.io.out(texts.join("\n\n"));
  if (kept.length > 0) throw new ErrorList(kept);
  return done(0);
}

function describeOne(ctx: CommandContext, info: Info, showEvents: boolean): string {
  const state = ctx.cluster.state;
  const nowMs = state.epoch + state.now;
  const ns = info.obj.metadata.namespace;
  const allEvents = listStored(state, info.type.resource === "events" ? info.type : eventType(ctx), ns);
  const dctx: DescribeContext = { nowMs, events: showEvents ? eventsFor(info.obj, allEvents) : undefined };
  let text: string;
  switch (info.type.resource) {
    case "deployments": {
      const rss = replicaSetsOf(ctx, info.obj);
      const fresh = newReplicaSet(info.obj as Deployment, rss);
      const key = fresh ? templateKey(fresh.spec?.template) : undefined;
      dctx.newReplicaSet = fresh as KObject | undefined;
      dctx.oldReplicaSets = rss.filter(
        (rs) => rs !== fresh && templateKey(rs.spec?.template) !== key,
      ) as KObject[];
      text = describeDeployment(info.obj, dctx);
      break;
    }
    case "replicasets":
      dctx.pods = ownedPods(ctx, info.obj);
      text = describeReplicaSet(info.obj, dctx);
      break;
    case "pods":
      text = describePod(info.obj as Pod, dctx);
      break;
    case "services":
      dctx.endpoints = ctx.cluster.state.objects.endpoints?.get(`${ns}/${info.obj.metadata.name}`);
      text = describeService(info.obj, dctx);
      break;
    case "endpoints":
      text = describeEndpoints(info.obj, dctx);
      break;
    case "namespaces": {
      const name = info.obj.metadata.name;
      text = describeNamespace(
        info.obj,
        listOf(ctx, "resourcequotas", name),
        listOf(ctx, "limitranges", name),
      );
      break;
    }
    case "configmaps":
      text = describeConfigMap(info.obj, dctx);
      break;
    case "resourcequotas":
      text = `${describeQuotaLines(info.obj).join("\n")}\n`;
      break;
    case "limitranges":
      text = `${describeLimitRangeLines(info.obj).join("\n")}\n`;
      break;
    case "roles":
    case "clusterroles":
    case "rolebindings":
    case "clusterrolebindings":
      text = describePolicy(info.obj) ?? describeGeneric(info.obj, dctx.events, nowMs);
      break;
    case "nodes":
      text = describeNode(info.obj, {
        pods: nodePods(ctx, info.obj.metadata.name),
        events: showEvents ? nodeEvents(info.obj, allEvents) : undefined,
        nowMs,
      });
      break;
    case "secrets":
      text = describeSecret(info.obj);
      break;
    case "serviceaccounts":
      text = describeServiceAccount(info.obj, listOf(ctx, "secrets", ns ?? ""), dctx.events, nowMs);
      break;
    default:
      text = describeGeneric(info.obj, dctx.events, nowMs);
  }
  return alignTabs(text, DESCRIBE_TABS);
}

function listOf(ctx: CommandContext, resource: string, namespace: string): KObject[] {
  return listStored(
    ctx.cluster.state,
    ctx.cluster.read((api) => api.type(resource)),
    namespace,
  );
}

function eventType(ctx: CommandContext) {
  return ctx.cluster.read((api) => api.type("events"));
}

/** The pods on `node` that are neither Succeeded nor Failed (describe node's field selector). */
function nodePods(ctx: CommandContext, node: string): KObject[] {
  const pods = listStored(
    ctx.cluster.state,
    ctx.cluster.read((api) => api.type("pods")),
  );
  return pods.filter(
    (p) => p.spec?.nodeName === node && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed",
  );
}

function ownedPods(ctx: CommandContext, rs: KObject): KObject[] {
  const pods = listStored(
    ctx.cluster.state,
    ctx.cluster.read((api) => api.type("pods")),
    rs.metadata.namespace,
  );
  return pods.filter((p) =>
    (p.metadata.ownerReferences ?? []).some((o) => o.controller && o.uid === rs.metadata.uid),
  );
}
