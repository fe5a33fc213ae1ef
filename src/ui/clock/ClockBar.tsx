/**
 * The clock the learner holds: pause / 1× / 5× / 20×, "next event", the simulated time, and the
 * timeline: marks for events and decisions, and a slider over the recorded moments. Dragging back
 * shows the cluster as it was (read-only); "continue from here" makes that moment the present.
 */
import { useMemo } from "react";
import { useApp, useT } from "../use-app";
import { clockText, feed } from "../why/feed";
import { SPEEDS, type Speed } from "./driver";

function speedLabel(t: ReturnType<typeof useT>, s: Speed): string {
  return s === 0 ? t("pause") : `${s}×`;
}

function Marks({ now }: { now: number }) {
  const app = useApp();
  const state = app.session.cluster.state;
  const marks = useMemo(() => feed(state, 400), [state]);
  if (now <= 0) return null;
  return (
    <div className="timeline-marks" aria-hidden="true">
      {marks.map((m, i) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: marks are positional
          key={i}
          className={`mark mark-${m.kind}${m.type === "Warning" ? " warning" : ""}`}
          style={{ left: `${(100 * m.t) / now}%` }}
        />
      ))}
    </div>
  );
}

/** Clock controls and the timeline. */
export function ClockBar() {
  const app = useApp();
  const t = useT();
  const snaps = app.session.snapshots();
  const now = app.session.cluster.state.now;
  const shown = app.past ?? now;
  const first = snaps[0]?.t ?? 0;
  const speed = app.driver.speed;
  return (
    <section className="clock" aria-label={t("clock")}>
      <fieldset className="clock-controls">
        <legend className="sr-only">{t("speed")}</legend>
        {SPEEDS.map((s) => (
          <button
            type="button"
            key={s}
            className={speed === s && app.past === undefined ? "on" : undefined}
            aria-pressed={speed === s}
            onClick={() => app.setSpeed(s)}
            data-speed={s}
          >
            {speedLabel(t, s)}
          </button>
        ))}
        <button
          type="button"
          title={t("stepNextTitle")}
          onClick={() => {
            if (!app.stepNext()) app.setNotice(t("nothingDue"));
          }}
          data-action="step"
        >
          {t("stepNext")} ▸
        </button>
        <output className="sim-time" aria-label={t("simTime")} data-now={now}>
          {clockText(shown)}
        </output>
      </fieldset>
      <div className="timeline">
        <Marks now={now} />
        <input
          type="range"
          aria-label={t("timeTravel")}
          min={first}
          max={Math.max(now, first + 1)}
          step={1}
          value={shown}
          onChange={(e) => {
            const v = Number(e.target.value);
            app.viewAt(v >= now ? undefined : app.snapshotAt(v)?.t);
          }}
        />
      </div>
      {app.past !== undefined ? (
        <div className="past-bar" role="status">
          <span>
            {t("viewingPast")}: {clockText(app.past)} / {clockText(now)}
          </span>
          <button type="button" onClick={() => app.viewAt(undefined)}>
            {t("backToNow")}
          </button>
          <button
            type="button"
            onClick={() => {
              if (window.confirm(t("continueConfirm"))) app.continueFromHere();
            }}
          >
            {t("continueFromHere")}
          </button>
        </div>
      ) : null}
    </section>
  );
}
