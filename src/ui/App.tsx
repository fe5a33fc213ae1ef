/**
 * The sandbox's page: the top bar, the lesson beside the terminals, the live view with the history
 * and "Why?" tabs, and the clock along the bottom. Everything reads one AppController.
 */
import { useEffect, useState } from "react";
import type { AppController } from "./app-controller";
import { ClockBar } from "./clock/ClockBar";
import { EditDialog } from "./editor/EditDialog";
import { HistoryPanel } from "./history/HistoryPanel";
import { LessonPanel } from "./lesson/LessonPanel";
import { LiveView } from "./live/LiveView";
import { Toolbar } from "./Toolbar";
import { TerminalsPane } from "./terminal/TerminalsPane";
import { AppContext, useApp, useT } from "./use-app";
import { WhyPanel } from "./why/WhyPanel";

type Tab = "history" | "why";

function SideTabs() {
  const t = useT();
  const [tab, setTab] = useState<Tab>("history");
  const tabs: Array<[Tab, string]> = [
    ["history", t("history")],
    ["why", t("why")],
  ];
  return (
    <section className="side-tabs">
      <div role="tablist" aria-label={`${t("history")} / ${t("why")}`}>
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            tabIndex={tab === id ? 0 : -1}
            onClick={() => setTab(id)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight" || e.key === "ArrowLeft")
                setTab(tab === "history" ? "why" : "history");
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-body">
        {tab === "history" ? <HistoryPanel /> : <WhyPanel />}
      </div>
    </section>
  );
}

function Notice() {
  const app = useApp();
  useEffect(() => {
    if (!app.notice) return;
    const timer = setTimeout(() => app.setNotice(""), 6000);
    return () => clearTimeout(timer);
  }, [app, app.notice]);
  return (
    <div className="notice" role="status" aria-live="polite">
      {app.notice}
    </div>
  );
}

function Layout() {
  const app = useApp();
  const t = useT();
  useEffect(() => {
    document.documentElement.lang = app.prefs.lang;
    document.title = t("appTitle");
  });
  return (
    <div className={`app${app.prefs.largeText ? " large" : ""}${app.past !== undefined ? " in-past" : ""}`}>
      <a className="skip-link" href="#main-terminals">
        {t("skipToContent")}
      </a>
      <Toolbar />
      <main className="workspace" key={app.generation}>
        <aside className="left">
          <LessonPanel />
        </aside>
        <div className="center" id="main-terminals">
          <TerminalsPane />
        </div>
        <aside className="right">
          <LiveView />
          <SideTabs />
        </aside>
      </main>
      <ClockBar />
      <Notice />
      <EditDialog />
    </div>
  );
}

/** The whole app for `app`. */
export function App({ app }: { app: AppController }) {
  return (
    <AppContext.Provider value={app}>
      <Layout />
    </AppContext.Provider>
  );
}
