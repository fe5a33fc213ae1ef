/** "Why?": what the controllers decided and why, in plain words, next to the cluster's events. */
import { useMemo } from "react";
import { useApp, useT } from "../use-app";
import { clockText, feed } from "./feed";

/** The decision log and events, newest first. */
export function WhyPanel() {
  const app = useApp();
  const t = useT();
  const state = app.viewState;
  const { decisions } = state;
  const events = state.events;
  // Only a new decision or event changes the feed (the clock alone does not).
  // biome-ignore lint/correctness/useExhaustiveDependencies: `state` is read only through decisions and events
  const items = useMemo(() => feed(state), [decisions, events]);
  if (items.length === 0) return <p className="muted">{t("whyEmpty")}</p>;
  return (
    <ol className="why" aria-label={t("why")}>
      {items.map((it, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: feed lines are identified by time and position
        <li key={`${it.t}-${i}`} className={`why-${it.kind}${it.type === "Warning" ? " warning" : ""}`}>
          <time>{clockText(it.t)}</time>
          {it.kind === "decision" ? (
            <span className="why-source">{it.source}</span>
          ) : (
            <span className={`why-type ${it.type === "Warning" ? "warning" : ""}`}>
              {it.type} {it.reason}
            </span>
          )}
          <span className="why-object">{it.object}</span>
          <span className="why-message">
            {it.message}
            {it.count && it.count > 1 ? ` (×${it.count})` : ""}
          </span>
        </li>
      ))}
    </ol>
  );
}
