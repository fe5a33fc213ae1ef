/** The admission plugins in the API server's order (v1.32 AllOrderedPlugins, the ones the sandbox runs). */
import type { AdmissionPlugin } from "../admission";
import { limitRangerPlugin } from "./limitranger";
import { namespaceLifecyclePlugin } from "./namespace";
import { defaultTolerationSecondsPlugin, priorityPlugin } from "./podpolicy";
import { resourceQuotaPlugin } from "./resourcequota";
import { serviceAccountPlugin } from "./serviceaccount";

/** NamespaceLifecycle, LimitRanger, ServiceAccount, Priority, DefaultTolerationSeconds, …, ResourceQuota (last). */
export const PLUGINS: readonly AdmissionPlugin[] = [
  namespaceLifecyclePlugin,
  limitRangerPlugin,
  serviceAccountPlugin,
  priorityPlugin,
  defaultTolerationSecondsPlugin,
  resourceQuotaPlugin,
];
