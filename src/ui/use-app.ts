/** React access to the AppController: the controller from context, and a re-render on its changes. */
import { createContext, useContext, useSyncExternalStore } from "react";
import type { AppController } from "./app-controller";
import { type MessageKey, translate } from "./i18n/dictionary";

/** The app controller for the tree below. */
export const AppContext = createContext<AppController | null>(null);

/** The app controller; the component re-renders (at most once per frame) when anything changes. */
export function useApp(): AppController {
  const app = useContext(AppContext);
  if (!app) throw new Error("useApp outside <AppContext>");
  useSyncExternalStore(app.subscribe, app.getVersion);
  return app;
}

/** The translate function for the interface language. */
export function useT(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const app = useApp();
  const lang = app.prefs.lang;
  return (key, vars) => translate(lang, key, vars);
}
