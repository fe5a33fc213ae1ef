/**
 * The Deployment controller (pkg/controller/deployment): the dispatcher of one sync per Deployment,
 * in the real order: deleted → paused → scaling event → strategy (RollingUpdate or Recreate).
 * This first version only exists so the controller list can name it; the sync grows behind it.
 */
import type { Controller } from "../controller";

/** The Deployment controller. */
export const deploymentController: Controller = {
  name: "deployment",
  reconcile() {
    return false;
  },
  nextWake() {
    return undefined;
  },
};
