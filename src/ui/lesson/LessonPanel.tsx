/**
 * The lesson beside the terminals: choose a lesson, read the step, paste its commands into the
 * terminal with one click, check the step (each failed condition named, with the hint), and move on.
 * The runner (src/lessons) does the work; this only draws it.
 */
import { useEffect, useRef, useState } from "react";
import type { CheckReport, Lesson } from "../../lessons";
import { terminalControllers } from "../terminal/TerminalView";
import { useApp, useT } from "../use-app";
import { Markdown } from "./Markdown";

function Chooser({ lessons }: { lessons: readonly Lesson[] }) {
  const app = useApp();
  const t = useT();
  const [id, setId] = useState(lessons[0]?.id ?? "");
  const lang = app.prefs.lang;
  return (
    <div className="lesson-chooser">
      <label>
        {t("chooseLesson")}
        <select value={id} onChange={(e) => setId(e.target.value)}>
          {lessons.map((l) => (
            <option key={l.id} value={l.id}>
              {l.title[lang] ?? Object.values(l.title)[0] ?? l.id}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="primary"
        onClick={() => {
          const lesson = lessons.find((l) => l.id === id);
          if (!lesson) return;
          if (app.session.transcript.length === 0 || window.confirm(t("startLessonConfirm")))
            app.reset(lesson);
        }}
      >
        {t("startLesson")}
      </button>
    </div>
  );
}

function paste(terminal: number, command: string): void {
  const controller = terminalControllers.get(terminal) ?? [...terminalControllers.values()][0];
  controller?.paste(command);
  document.querySelector<HTMLTextAreaElement>(`[data-terminal="${terminal}"] textarea`)?.focus();
}

function Report({ report }: { report: CheckReport }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  // A new report is scrolled into view: it is what the learner just asked for.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect runs for each new report object
  useEffect(() => {
    box.current?.scrollIntoView({ block: "nearest" });
  }, [report]);
  return (
    <div className={`lesson-report ${report.ok ? "ok" : "failed"}`} role="status" ref={box}>
      <ul>
        {report.lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      {report.hint ? (
        <div className="hint">
          <b>{t("hint")}:</b> <Markdown markdown={report.hint} />
        </div>
      ) : null}
    </div>
  );
}

/** The lesson panel. */
export function LessonPanel() {
  const app = useApp();
  const t = useT();
  const runner = app.lesson;
  const [showHint, setShowHint] = useState(false);
  if (!runner) {
    const lessons = app.lessons?.bundledLessons.lessons;
    return (
      <section className="lesson" aria-label={t("lesson")}>
        <h2>{t("lessons")}</h2>
        {lessons ? <Chooser lessons={lessons} /> : <p className="muted">…</p>}
      </section>
    );
  }
  const state = runner.state;
  const step = runner.step;
  return (
    <section className="lesson" aria-label={t("lesson")} data-phase={state.phase}>
      <div className="panel-head">
        <h2>{runner.title}</h2>
        <button type="button" className="link-button" onClick={() => app.reset()}>
          {t("freePlay")}
        </button>
      </div>
      {step ? (
        <>
          <p className="muted">{t("stepOf", { n: state.stepIndex + 1, total: state.stepCount })}</p>
          <h3>{step.title}</h3>
          {step.blocks.map((b, i) =>
            b.kind === "text" ? (
              // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positional
              <Markdown key={i} markdown={b.markdown} />
            ) : (
              // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positional
              <ul key={i} className="try">
                {b.commands.map((c) => (
                  <li key={c}>
                    <code>{c}</code>
                    <button
                      type="button"
                      className="icon-button"
                      title={t("tryCommand")}
                      aria-label={`${t("tryCommand")}: ${c}`}
                      onClick={() => paste(app.activeTerminal, c)}
                    >
                      ⤶
                    </button>
                  </li>
                ))}
              </ul>
            ),
          )}
          <div className="lesson-actions">
            <button
              type="button"
              className={state.phase === "passed" ? undefined : "primary"}
              onClick={() => {
                runner.check();
                app.flush();
              }}
              data-action="check"
            >
              {t("check")}
            </button>
            {/* Once the step passes, the way on is the main action. */}
            <button
              type="button"
              className={state.phase === "passed" ? "primary" : undefined}
              disabled={state.phase !== "passed"}
              onClick={() => {
                runner.next();
                app.flush();
              }}
              data-action="next"
            >
              {t("next")}
            </button>
            {step.hint ? (
              <button type="button" onClick={() => setShowHint(!showHint)} aria-expanded={showHint}>
                {t("hint")}
              </button>
            ) : null}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                runner.restartStep();
                app.flush();
              }}
            >
              {t("restartStep")}
            </button>
          </div>
          {showHint && step.hint && !state.report?.hint ? (
            <div className="hint">
              <Markdown markdown={step.hint} />
            </div>
          ) : null}
          {state.report ? <Report report={state.report} /> : null}
        </>
      ) : (
        <p className="lesson-complete">{t("lessonComplete")}</p>
      )}
    </section>
  );
}
