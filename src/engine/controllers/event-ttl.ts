/**
 * The API server's event TTL as a component of the simulation: at each instant an event's hour runs out
 * (store/event-expiry.ts), it deletes the expired events; `nextWake` tells the clock that instant, so
 * time stops there and `kubectl get events` never lists an event older than an hour since its last write.
 */
import { expireEvents, nextEventExpiry } from "../store/event-expiry";
import type { Controller } from "./controller";

/** Deletes events an hour (`--event-ttl`) after their latest create or update. */
export const eventTtlController: Controller = {
  name: "event-ttl",
  reconcile: (ctx) => expireEvents(ctx.state) > 0,
  nextWake: (state) => nextEventExpiry(state),
};
