/**
 * `createCluster`: the one way everybody makes a cluster: the default controllers, the bootstrap objects
 * (namespaces, the `minikube` node, the `kubernetes` Service) and the image catalog in force
 * (`state.runtime.images`: the default images, then the lesson's, which win on the same repository).
 */
import type { Controller } from "../controllers/controller";
import { defaultControllers } from "../controllers/index";
import { DEFAULT_IMAGES, type ImageSpec } from "../model/images";
import { bootstrapCluster } from "./bootstrap";
import { Cluster } from "./cluster";

/** Options of createCluster. */
export interface CreateClusterOptions {
  /** Seed of the random generator (pod names, IPs, ClusterIPs); default 1. */
  seed?: number;
  /** Extra images a lesson brings (added after the defaults, so they override a default of the same repository). */
  images?: ImageSpec[];
  /**
   * Wraps each default controller (the benchmark times them this way; the engine itself never reads a
   * clock). The wrapper must keep the controller's behaviour: same writes, same nextWake.
   */
  wrapController?: (controller: Controller) => Controller;
}

/** A new simulated cluster with every default controller, settled and ready for requests. */
export function createCluster(opts: CreateClusterOptions = {}): Cluster {
  const images = [...DEFAULT_IMAGES, ...(opts.images ?? [])];
  return new Cluster({
    seed: opts.seed,
    controllers: opts.wrapController ? defaultControllers().map(opts.wrapController) : defaultControllers(),
    bootstrap: (api) => {
      api.state.runtime.images = JSON.parse(JSON.stringify(images));
      bootstrapCluster(api);
    },
  });
}
