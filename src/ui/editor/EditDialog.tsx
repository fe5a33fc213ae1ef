/**
 * `kubectl edit` in the page: when a terminal's program asks for an editor (pendingEdit), a dialog
 * opens with the file kubectl wrote (its "# Please edit the object below…" header included). Save
 * answers with the edited text; Cancel answers with the text unchanged, so kubectl prints
 * "Edit cancelled, no changes made." as it does when the editor exits without a change. An invalid
 * edit makes kubectl ask again with the error in the header: the dialog simply opens again.
 */
import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import type { UiPendingEdit } from "../session-api";
import { useApp, useT } from "../use-app";
import type { MountedEditor } from "./yaml-editor";

/** A distinct number per editor request (kubectl asking again after an invalid edit is a new request). */
const ids = new WeakMap<UiPendingEdit, number>();
let lastId = 0;
function editId(edit: UiPendingEdit): number {
  let id = ids.get(edit);
  if (id === undefined) ids.set(edit, (id = ++lastId));
  return id;
}

/** Tab from the last control goes to the first and Shift+Tab from the first to the last: a modal
 * dialog keeps the keyboard inside it (WAI-ARIA dialog pattern). */
function keepFocusInside(e: KeyboardEvent<HTMLElement>): void {
  const inside = [
    ...e.currentTarget.querySelectorAll<HTMLElement>('[contenteditable="true"], button:not([disabled])'),
  ];
  const first = inside[0];
  const last = inside[inside.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (e.shiftKey && (active === first || !e.currentTarget.contains(active))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}

function EditorBox({ edit, terminal }: { edit: UiPendingEdit; terminal: number }) {
  const t = useT();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<MountedEditor | null>(null);
  const [loaded, setLoaded] = useState(false);
  const answered = useRef(false);
  /** True right after an Escape inside the text (CodeMirror then lets the next Tab leave it). */
  const escapedText = useRef(false);

  useEffect(() => {
    let cancelled = false;
    import("./yaml-editor").then(({ mountYamlEditor }) => {
      if (cancelled || !host.current) return;
      editor.current = mountYamlEditor(host.current, edit.content, edit.file);
      editor.current.focus();
      setLoaded(true);
    });
    return () => {
      cancelled = true;
      editor.current?.destroy();
      editor.current = null;
    };
  }, [edit]);

  const answer = (text: string) => {
    if (answered.current) return;
    answered.current = true;
    edit.answer(text);
    // Back to the terminal that asked, as closing vi returns to the shell (kubectl may ask again:
    // a new dialog then takes the focus back).
    document.querySelector<HTMLTextAreaElement>(`[data-terminal="${terminal}"] textarea`)?.focus();
  };

  return (
    <div
      className="edit-dialog"
      role="dialog"
      aria-modal="true"
      aria-label={`${t("editorTitle")} — ${edit.file}`}
      onKeyDown={(e) => {
        if (e.key === "Tab" && !e.defaultPrevented) keepFocusInside(e);
        // In the text, a first Escape is CodeMirror's "let Tab leave" and a second one cancels;
        // anywhere else in the dialog one Escape cancels.
        const inText = (e.target as HTMLElement).closest(".cm-content") !== null;
        const cancel = e.key === "Escape" && (!inText || escapedText.current);
        escapedText.current = e.key === "Escape" && inText && !cancel;
        if (cancel) answer(edit.content);
        if (e.key === "s" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          answer(editor.current?.text() ?? edit.content);
        }
      }}
    >
      <div className="edit-head">
        <b>{t("editorTitle")}</b> <code>{edit.file}</code>{" "}
        <span className="muted">
          ({t("terminal")} {terminal})
        </span>
        <span className="edit-keys muted">{t("editorKeys")}</span>
      </div>
      <div className="edit-body" ref={host} data-loaded={loaded}>
        {loaded ? null : <p className="muted">{t("loadingEditor")}</p>}
      </div>
      <div className="edit-actions">
        <button type="button" onClick={() => answer(edit.content)} data-action="cancel">
          {t("cancel")}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!loaded}
          onClick={() => answer(editor.current?.text() ?? edit.content)}
          data-action="save"
        >
          {t("save")}
        </button>
      </div>
    </div>
  );
}

/** The editor for the first terminal waiting on one, if any. */
export function EditDialog() {
  const app = useApp();
  const waiting = app.session.terminals.find((term) => term.pendingEdit);
  const edit = waiting?.pendingEdit;
  if (!waiting || !edit) return null;
  return (
    <div className="modal-backdrop">
      <EditorBox key={editId(edit)} edit={edit} terminal={waiting.id} />
    </div>
  );
}
