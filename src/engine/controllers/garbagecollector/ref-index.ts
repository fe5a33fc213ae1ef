/**
 * How many dependents name each owner uid in their ownerReferences, kept in step with the dependents'
 * buckets by comparing versions (diffChunks). The collector asks it whether an owner that
 * disappeared was anyone's: in a rollout pods disappear every few rounds and nobody names them, so the
 * collector need not read every dependent again. A cache: another cluster's buckets only make it re-read.
 */
import type { KObject } from "../../model/types";
import { type Bucket, diffChunks } from "../../store/bucket";

/** Owner uid → number of references to it, over the buckets it follows. */
export class OwnerRefIndex {
  private readonly versions = new Map<string, Bucket<KObject> | undefined>();
  private readonly counts = new Map<string, number>();

  /** Brings the counts of `resource`'s dependents in step with `bucket`. */
  follow(resource: string, bucket: Bucket<KObject> | undefined): void {
    diffChunks(
      this.versions.get(resource),
      bucket,
      (o) => this.count(o, -1),
      (o) => this.count(o, 1),
    );
    this.versions.set(resource, bucket);
  }

  /** True when some followed dependent names `uid` as an owner. */
  isReferenced(uid: string): boolean {
    return (this.counts.get(uid) ?? 0) > 0;
  }

  private count(o: KObject, by: number): void {
    for (const r of o.metadata.ownerReferences ?? []) {
      const n = (this.counts.get(r.uid) ?? 0) + by;
      if (n === 0) this.counts.delete(r.uid);
      else this.counts.set(r.uid, n);
    }
  }
}
