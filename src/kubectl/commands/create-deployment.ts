/**
 * `kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P]`: label and selector
 * `app=NAME`, one container per image named after the image's base name (`hello-app` for
 * `gcr.io/google-samples/hello-app:1.0`), a containerPort only with `--port`. Exists:
 * `error: failed to create deployment: deployments.apps "x" already exists`.
 */
import type { KObject } from "../../engine";
import { resolveType } from "../builder";
import { flagsFromHelp } from "../flags-from-help";
import { CREATE_DEPLOYMENT_HELP } from "../help/create-deployment";
import { done } from "../program";
import { createAndPrint, DRY_RUN_FLAG, nameArg } from "./create-support";
import type { CommandSpec } from "./types";
import { requiredFlagMissing } from "./write-support";

/** `kubectl create deployment`. */
export const createDeploymentCommand: CommandSpec = {
  name: "deployment",
  aliases: ["deploy"],
  parent: "create",
  short: "Create a deployment with the specified name",
  flags: flagsFromHelp(CREATE_DEPLOYMENT_HELP, [DRY_RUN_FLAG, { name: "image", kind: "strings" }]),
  help: CREATE_DEPLOYMENT_HELP,
  run(args, flags, ctx) {
    if (!flags.changed("image")) throw requiredFlagMissing(ctx, "image");
    const dash = ctx.argsLenAtDash;
    const name = nameArg(dash >= 0 ? args.slice(0, dash) : args);
    const obj = deploymentFor(name, flags.list("image"), flags.int("replicas"), flags.int("port"));
    const command = dash >= 0 ? args.slice(dash) : [];
    if (command.length > 0) for (const c of obj.spec.template.spec.containers) c.command = command;
    return done(createAndPrint(ctx, flags, resolveType("deployments"), obj, "failed to create deployment"));
  },
};

/** The container name kubectl derives from an image: the last path element without tag or digest, `_` → `-`. */
export function containerNameOf(image: string): string {
  const base = image.split("/").pop() ?? image;
  return (base.split(/[:@]/)[0] ?? base).replace(/_/g, "-");
}

/** The Deployment `create deployment` sends. */
export function deploymentFor(name: string, images: string[], replicas: number, port: number): KObject {
  const labels = { app: name };
  const used = new Map<string, number>();
  const containers = images.map((image) => {
    let cname = containerNameOf(image);
    const n = used.get(cname) ?? 0;
    used.set(cname, n + 1);
    if (n > 0) cname = `${cname}-${n}`;
    return { name: cname, image, ...(port >= 0 ? { ports: [{ containerPort: port }] } : {}), resources: {} };
  });
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
    },
    status: {},
  } as unknown as KObject;
}
