/**
 * `kubectl expose deployment|rs|pod|svc NAME [--port] [--target-port] [--type] [--name]`: a Service with the
 * object's selector (a pod's labels), its labels, and the ports given or found in the pod template
 * (several → `port-1`, `port-2`, …; none → `error: couldn't find port via --port flag or introspection`).
 * `service/http-go exposed`.
 */
import type { KObject } from "../../engine";
import type { Info } from "../builder";
import { resolveType } from "../builder";
import { CmdError, ErrorList } from "../errors";
import type { Flags } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { EXPOSE_HELP } from "../help/expose";
import { isStructured, printStructured } from "../printers/output";
import { done } from "../program";
import { DRY_RUN_FLAG, dryRunOf } from "./create-support";
import type { CommandContext, CommandSpec } from "./types";
import { NO_RESOURCES, RECORD_FLAG, recordIfAsked, targets } from "./write-support";

const EXPOSABLE = ["Deployment", "ReplicaSet", "Pod", "Service", "ReplicationController"];

/** `kubectl expose`. */
export const exposeCommand: CommandSpec = {
  name: "expose",
  short:
    "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service",
  flags: flagsFromHelp(EXPOSE_HELP, [
    DRY_RUN_FLAG,
    RECORD_FLAG,
    { name: "filename", shorthand: "f", kind: "strings" },
  ]),
  help: EXPOSE_HELP,
  run(args, flags, ctx) {
    if (args.length === 0 && flags.list("filename").length === 0) throw new CmdError(NO_RESOURCES);
    const { infos, errors } = targets(args, flags, ctx);
    for (const info of infos) {
      if (!EXPOSABLE.includes(info.type.kind)) {
        errors.push(new CmdError(`cannot expose a ${info.type.kind}`));
        continue;
      }
      const service = serviceFor(info, flags);
      recordIfAsked(service, args, flags, ctx);
      printExposed(ctx, flags, service);
    }
    if (errors.length > 0) throw new ErrorList(errors);
    return done(0);
  },
};

// biome-ignore lint/suspicious/noExplicitAny: specs are read loosely
type Loose = Record<string, any>;

function selectorOf(info: Info, flags: Flags): Record<string, string> {
  if (flags.string("selector"))
    return Object.fromEntries(
      flags
        .string("selector")
        .split(",")
        .map((kv) => kv.split("=") as [string, string]),
    );
  const { kind } = info.type;
  if (kind === "Pod") return { ...(info.obj.metadata.labels ?? {}) };
  if (kind === "Service" || kind === "ReplicationController") return { ...(info.obj.spec?.selector ?? {}) };
  const sel = info.obj.spec?.selector ?? {};
  if ((sel.matchExpressions ?? []).length > 0)
    throw new CmdError(
      `couldn't retrieve selectors via --selector flag or introspection: ${info.type.kind}s with non-empty selector.matchExpressions are not supported`,
    );
  return { ...(sel.matchLabels ?? {}) };
}

function portsOf(info: Info, flags: Flags): Loose[] {
  const protocol = flags.string("protocol");
  const target = flags.string("target-port");
  const asPort = (port: number, proto: string, name?: string) => ({
    ...(name ? { name } : {}),
    port,
    protocol: protocol || proto,
    targetPort: target ? (/^\d+$/.test(target) ? Number(target) : target) : port,
  });
  if (flags.string("port")) return [asPort(Number(flags.string("port")), "TCP")];
  if (info.type.kind === "Service")
    return (info.obj.spec?.ports ?? []).map((p: Loose) => asPort(p.port, p.protocol ?? "TCP", p.name));
  const spec: Loose = info.type.kind === "Pod" ? info.obj.spec : info.obj.spec?.template?.spec;
  const found: { port: number; protocol: string }[] = [];
  for (const c of spec?.containers ?? [])
    for (const p of c.ports ?? [])
      if (!found.some((f) => f.port === p.containerPort))
        found.push({ port: p.containerPort, protocol: p.protocol ?? "TCP" });
  if (found.length === 0) throw new CmdError("couldn't find port via --port flag or introspection");
  return found.map((f, i) => asPort(f.port, f.protocol, found.length > 1 ? `port-${i + 1}` : undefined));
}

/** The Service `kubectl expose` sends for `info`. */
function serviceFor(info: Info, flags: Flags): KObject {
  const name = (flags.string("name") || info.obj.metadata.name).slice(0, 63);
  const spec: Loose = { ports: portsOf(info, flags), selector: selectorOf(info, flags) };
  if (flags.string("type")) spec.type = flags.string("type");
  if (flags.string("cluster-ip")) spec.clusterIP = flags.string("cluster-ip");
  const labels = flags.string("labels")
    ? Object.fromEntries(
        flags
          .string("labels")
          .split(",")
          .map((kv) => kv.split("=") as [string, string]),
      )
    : info.obj.metadata.labels;
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, ...(labels ? { labels: { ...labels } } : {}) },
    spec,
    status: { loadBalancer: {} },
  } as KObject;
}

function printExposed(ctx: CommandContext, flags: Flags, service: KObject): void {
  const dryRun = dryRunOf(flags, ctx);
  const type = resolveType("services");
  let result: KObject = {
    ...service,
    metadata: { ...service.metadata, creationTimestamp: null as unknown as string },
  };
  if (dryRun !== "client") {
    result = ctx.cluster.request(
      (api) => api.create("services", service, ctx.namespace, { dryRun: dryRun === "server" }),
      ctx.user,
    ).result;
  }
  const output = flags.string("output");
  if (output && isStructured(output)) {
    ctx.io.out(printStructured(output, [{ type, obj: result }], true));
    return;
  }
  const suffix = dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
  ctx.io.out(`service/${result.metadata.name} exposed${suffix}\n`);
}
