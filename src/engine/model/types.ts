/**
 * Object types of the simulated cluster, taken from `kubernetes-types` so that every field has the
 * real name and shape. `kubernetes-types` marks every field readonly; the store is immutable through
 * immer instead, so the types here are the writable versions (code changes them only inside a transaction).
 * `KObject` is the loose shape every stored object has in common.
 */
import type * as apps from "kubernetes-types/apps/v1";
import type * as core from "kubernetes-types/core/v1";
import type * as meta from "kubernetes-types/meta/v1";
import type * as rbac from "kubernetes-types/rbac/v1";

/** `T` with `readonly` removed at every depth. */
export type Mutable<T> = T extends (infer U)[]
  ? Mutable<U>[]
  : T extends readonly (infer U)[]
    ? Mutable<U>[]
    : T extends object
      ? { -readonly [K in keyof T]: Mutable<T[K]> }
      : T;

export type ObjectMeta = Mutable<meta.ObjectMeta>;
export type LabelSelector = Mutable<meta.LabelSelector>;
export type OwnerReference = Mutable<meta.OwnerReference>;
export type Deployment = Mutable<apps.Deployment>;
export type DeploymentSpec = Mutable<apps.DeploymentSpec>;
export type DeploymentStatus = Mutable<apps.DeploymentStatus>;
export type DeploymentCondition = Mutable<apps.DeploymentCondition>;
export type ReplicaSet = Mutable<apps.ReplicaSet>;
export type ReplicaSetCondition = Mutable<apps.ReplicaSetCondition>;
export type Pod = Mutable<core.Pod>;
export type PodSpec = Mutable<core.PodSpec>;
export type PodTemplateSpec = Mutable<core.PodTemplateSpec>;
export type PodCondition = Mutable<core.PodCondition>;
export type Container = Mutable<core.Container>;
export type ContainerStatus = Mutable<core.ContainerStatus>;
export type Probe = Mutable<core.Probe>;
export type Service = Mutable<core.Service>;
export type Endpoints = Mutable<core.Endpoints>;
export type Namespace = Mutable<core.Namespace>;
export type Node = Mutable<core.Node>;
export type ConfigMap = Mutable<core.ConfigMap>;
export type Secret = Mutable<core.Secret>;
export type ServiceAccount = Mutable<core.ServiceAccount>;
export type ResourceQuota = Mutable<core.ResourceQuota>;
export type LimitRange = Mutable<core.LimitRange>;
export type CoreEvent = Mutable<core.Event>;
export type Role = Mutable<rbac.Role>;
export type ClusterRole = Mutable<rbac.ClusterRole>;
export type RoleBinding = Mutable<rbac.RoleBinding>;
export type ClusterRoleBinding = Mutable<rbac.ClusterRoleBinding>;

/** Any stored object: apiVersion, kind and metadata are always set once the API has accepted it. */
export interface KObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta & { name: string };
  // biome-ignore lint/suspicious/noExplicitAny: spec/status/data shapes differ per kind; typed views narrow them
  [field: string]: any;
}

/** An object that may be missing metadata fields, as a user writes it in a manifest. */
export interface Manifest {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  // biome-ignore lint/suspicious/noExplicitAny: manifests are arbitrary user input until validated
  [field: string]: any;
}
