/**
 * The "Why?" feed: the controllers' decisions (state.decisions, already in plain words) and the
 * cluster's Events, merged on the simulated clock, newest first.
 */
import { allEvents, type ClusterState, type CoreEvent, type EventStore, simTime } from "../../engine";

/** One line of the feed. */
export interface FeedItem {
  /** Simulated ms. */
  t: number;
  kind: "decision" | "event";
  /** Who: the controller, or the event's source component. */
  source: string;
  /** What it is about: `deployments/default/http-go` or `deployment/http-go`. */
  object: string;
  /** Normal/Warning for events. */
  type?: string;
  reason?: string;
  message: string;
  count?: number;
}

/** At most this many lines are drawn (the newest); the log itself keeps everything. */
export const FEED_LIMIT = 300;

function eventTime(state: Pick<ClusterState, "epoch">, e: CoreEvent): number {
  const raw = e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp;
  return simTime(state, raw as string | undefined) ?? 0;
}

/** The newest FEED_LIMIT decisions and events of `state`, newest first. */
export function feed(state: ClusterState, limit = FEED_LIMIT): FeedItem[] {
  const items: FeedItem[] = [];
  const decisions = state.decisions;
  for (let i = Math.max(0, decisions.length - limit); i < decisions.length; i++) {
    const d = decisions.at(i);
    if (!d) continue;
    items.push({ t: d.t, kind: "decision", source: d.controller, object: d.object, message: d.message });
  }
  for (const o of allEvents(state)) {
    const e = o as unknown as CoreEvent;
    const kind = (e.involvedObject?.kind ?? "").toLowerCase();
    items.push({
      t: eventTime(state, e),
      kind: "event",
      source: e.source?.component ?? e.reportingComponent ?? "",
      object: `${kind}/${e.involvedObject?.name ?? ""}`,
      type: e.type,
      reason: e.reason,
      message: e.message ?? "",
      count: e.count,
    });
  }
  // Stable: equal times keep decisions before the events they caused.
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => b.item.t - a.item.t || b.i - a.i)
    .slice(0, limit)
    .map((x) => x.item);
}

/** The instants (simulated ms) of events, warning events and decisions, for the timeline's marks. */
export function markTimes(state: Pick<ClusterState, "decisions" | "epoch"> & { events?: EventStore }): {
  event: number[];
  warning: number[];
  decision: number[];
} {
  const event: number[] = [];
  const warning: number[] = [];
  for (const o of state.events ? allEvents({ events: state.events }) : []) {
    const e = o as unknown as CoreEvent;
    (e.type === "Warning" ? warning : event).push(eventTime(state, e));
  }
  return { event, warning, decision: state.decisions.toArray().map((d) => d.t) };
}

/** `m:ss` (or `h:mm:ss`) of simulated ms. */
export function clockText(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}
