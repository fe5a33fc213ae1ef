/**
 * The clock the learner holds: pause / 1× / 5× / 20×, "next event", the simulated time, and the
 * timeline: marks for events and decisions, and a slider over the recorded moments. Dragging back
 * shows the cluster as it was (read-only); "continue from here" makes that moment the present.
 */
import { useMemo } from "react";
import { useApp, useT } from "../use-app";
import { clockText, markTimes } from "../why/feed";
import { SPEEDS, type Speed } from "./driver";

function speedLabel(t: ReturnType<typeof useT>, s: Speed): string {
  return s === 0 ? t("pause") : `${s}×`;
}

/** One SVG path of vertical 8-unit strokes at the given instants (x in simulated ms). */
function strokes(times: readonly number[]): string {
  let d = "";
  for (const t of times) d += `M${t} 0v8`;
  return d;
}

/** Marks for events (grey), warnings (red) and controller decisions (blue) along the timeline. */
function Marks({ now }: { now: number }) {
  const app = useApp();
  const state = app.session.cluster.state;
  const { decisions } = state;
  const events = state.events;
  // The paths change only when a decision or an event is added; `now` only rescales the viewBox.
  const paths = useMemo(() => {
    const m = markTimes({ decisions, events, epoch: state.epoch });
    return { event: strokes(m.event), warning: strokes(m.warning), decision: strokes(m.decision) };
  }, [decisions, events, state.epoch]);
  if (now <= 0) return null;
  return (
    <svg className="timeline-marks" viewBox={`0 0 ${now} 8`} preserveAspectRatio="none" aria-hidden="true">
      <path className="mark-event" d={paths.event} />
      <path className="mark-decision" d={paths.decision} />
      <path className="mark-warning" d={paths.warning} />
    </svg>
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
