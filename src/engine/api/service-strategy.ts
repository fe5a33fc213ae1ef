/**
 * The Service strategy: API defaults (SetDefaults_Service: type ClusterIP, sessionAffinity None, ports
 * TCP with targetPort = port, internalTrafficPolicy Cluster) and the allocators the REST storage runs on
 * create: a ClusterIP from the service range 10.96.0.0/12 (10.96.0.1 is the `kubernetes` Service) and,
 * for NodePort/LoadBalancer, a node port from 30000–32767, both drawn from the seeded generator so the
 * same seed gives the same addresses.
 */
import type { KObject } from "../model/types";
import type { ClusterState } from "../store/state";
import { nextRandomInt } from "./naming";
import { validateService } from "./pod-validation";
import type { KindStrategy } from "./strategy";

/** 10.96.0.0/12 holds 2^20 addresses; the network and broadcast addresses are never handed out. */
const SERVICE_RANGE_BASE = (10 << 24) | (96 << 16);
const SERVICE_RANGE_SIZE = 1 << 20;
const NODE_PORT_MIN = 30000;
const NODE_PORT_COUNT = 2768;

/** Dotted form of an IPv4 address held as an unsigned 32-bit number. */
export function formatIPv4(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join(".");
}

/** SetDefaults_Service and the port defaults. */
function applyServiceDefaults(obj: KObject): void {
  const spec = (obj.spec ??= {});
  spec.type ||= "ClusterIP";
  spec.sessionAffinity ||= "None";
  for (const p of spec.ports ?? []) {
    p.protocol ||= "TCP";
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === "") p.targetPort = p.port;
  }
  if (spec.type !== "ExternalName") {
    spec.internalTrafficPolicy ||= "Cluster";
    spec.ipFamilyPolicy ||= "SingleStack";
    spec.ipFamilies ??= ["IPv4"];
  }
  if (spec.type === "NodePort" || spec.type === "LoadBalancer") spec.externalTrafficPolicy ||= "Cluster";
  obj.status ??= { loadBalancer: {} };
}

/** Every ClusterIP and node port in use. */
function usedAddresses(state: ClusterState): { ips: Set<string>; ports: Set<number> } {
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const svc of state.objects.services?.values() ?? []) {
    for (const ip of svc.spec?.clusterIPs ?? [svc.spec?.clusterIP]) if (ip) ips.add(ip);
    for (const p of svc.spec?.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
  }
  return { ips, ports };
}

/** Draws a free ClusterIP (and node ports) for a new Service, unless it asked for one or is headless. */
export function allocateServiceAddresses(obj: KObject, state: ClusterState): void {
  const spec = obj.spec ?? {};
  const used = usedAddresses(state);
  if (spec.type !== "ExternalName" && !spec.clusterIP) {
    let ip = "";
    do {
      // Skip the network address (offset 0) and the kubernetes Service's 10.96.0.1 (offset 1).
      ip = formatIPv4((SERVICE_RANGE_BASE + 2 + nextRandomInt(state, SERVICE_RANGE_SIZE - 3)) >>> 0);
    } while (used.ips.has(ip));
    spec.clusterIP = ip;
  }
  if (spec.clusterIP && spec.type !== "ExternalName") spec.clusterIPs ??= [spec.clusterIP];
  if (spec.type === "NodePort" || spec.type === "LoadBalancer") {
    for (const p of spec.ports ?? []) {
      while (!p.nodePort || used.ports.has(p.nodePort))
        p.nodePort = NODE_PORT_MIN + nextRandomInt(state, NODE_PORT_COUNT);
      used.ports.add(p.nodePort);
    }
  }
}

/** The Service strategy. */
export const SERVICE_STRATEGY: KindStrategy = {
  hasStatus: true,
  applyDefaults: applyServiceDefaults,
  validate: (obj) => validateService(obj),
  allocate: allocateServiceAddresses,
};
