/** The terminals side by side, each with its title bar, and the "+ terminal" button. */
import { useApp, useT } from "../use-app";
import { TerminalView } from "./TerminalView";

/** Font sizes (px) of normal and large text: 14 px fits 80 columns in half of a 1366 px screen. */
const FONT_SIZE = { normal: 14, large: 20 };

/** All terminals of the session. */
export function TerminalsPane() {
  const app = useApp();
  const t = useT();
  const session = app.session;
  const fontSize = app.prefs.largeText ? FONT_SIZE.large : FONT_SIZE.normal;
  return (
    <section className="terminals" aria-label={t("terminals")}>
      <div className="terminals-row">
        {session.terminals.map((term) => (
          <div
            className={`terminal-card${app.activeTerminal === term.id ? " active" : ""}`}
            key={`${app.generation}-${term.id}`}
          >
            <div className="terminal-title">
              <span>
                {t("terminal")} {term.id}
                {term.busy ? (
                  <span className="busy-dot" title="busy">
                    <span className="sr-only">busy</span>
                  </span>
                ) : null}
              </span>
              {session.terminals.length > 1 ? (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`${t("closeTerminal")} ${term.id}`}
                  title={t("closeTerminal")}
                  onClick={() => session.closeTerminal(term.id)}
                >
                  ×
                </button>
              ) : null}
            </div>
            <TerminalView
              session={session}
              terminal={term}
              screens={app.screens}
              fontSize={fontSize}
              label={`${t("terminal")} ${term.id}`}
              keysHelp={t("terminalKeys")}
              onFocus={() => app.setActiveTerminal(term.id)}
            />
          </div>
        ))}
      </div>
      <button
        type="button"
        className="add-terminal"
        onClick={() => {
          const term = session.openTerminal();
          app.setActiveTerminal(term.id);
        }}
      >
        {t("addTerminal")}
      </button>
    </section>
  );
}
