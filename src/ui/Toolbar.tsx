/** The top bar: language, large text, reset, export/import and the share link. */
import { useRef, useState } from "react";
import type { UiLang } from "./i18n/dictionary";
import { downloadSession, parseSessionFile, shareUrl } from "./persist/share";
import { useApp, useT } from "./use-app";

/** The app's top bar. */
export function Toolbar() {
  const app = useApp();
  const t = useT();
  const fileInput = useRef<HTMLInputElement>(null);
  const [link, setLink] = useState<string | undefined>(undefined);
  return (
    <header className="toolbar">
      <h1>{t("appTitle")}</h1>
      <div className="toolbar-actions">
        <label>
          <span className="sr-only">{t("language")}</span>
          <select
            aria-label={t("language")}
            value={app.prefs.lang}
            onChange={(e) => app.setLang(e.target.value as UiLang)}
            data-control="lang"
          >
            <option value="en">English</option>
            <option value="ko">한국어</option>
          </select>
        </label>
        <label className="toggle">
          <input
            type="checkbox"
            checked={app.prefs.largeText}
            onChange={(e) => app.setLargeText(e.target.checked)}
          />
          {t("largeText")}
        </label>
        <button
          type="button"
          onClick={() => {
            if (window.confirm(t("resetConfirm"))) app.reset();
          }}
          data-action="reset"
        >
          {t("reset")}
        </button>
        <button type="button" onClick={() => downloadSession(app.saved())} data-action="export">
          {t("exportSession")}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} data-action="import">
          {t("importSession")}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          data-control="import-file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (!file) return;
            try {
              app.load(parseSessionFile(await file.text()));
            } catch (err) {
              app.setNotice(`${t("importFailed")} ${err instanceof Error ? err.message : String(err)}`);
            }
          }}
        />
        <button
          type="button"
          data-action="share"
          onClick={async () => {
            const url = await shareUrl(app.saved(true), window.location);
            setLink(url);
            try {
              await navigator.clipboard.writeText(url);
              app.setNotice(t("shareCopied"));
            } catch {
              app.setNotice(t("shareReady"));
            }
          }}
        >
          {t("share")}
        </button>
      </div>
      {link ? (
        <input
          className="share-link"
          readOnly
          value={link}
          aria-label={t("share")}
          onFocus={(e) => e.currentTarget.select()}
          data-control="share-link"
        />
      ) : null}
    </header>
  );
}
