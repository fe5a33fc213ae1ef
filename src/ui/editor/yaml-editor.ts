/**
 * The CodeMirror 6 YAML editor behind `kubectl edit`. Loaded with a dynamic import on first use, so
 * CodeMirror is not part of the first-load JavaScript. (The `codemirror` package installed is 6.65.7,
 * which is CodeMirror 5 under a 6.x number, so the setup is assembled here from the CM6 packages.)
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { yaml } from "@codemirror/lang-yaml";
import { bracketMatching, HighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from "@codemirror/view";
// @lezer/highlight is @codemirror/language's own dependency (its tag set); no package of ours adds it.
import { tags } from "@lezer/highlight";

/** A mounted editor: read its text, focus it, remove it. */
export interface MountedEditor {
  text(): string;
  focus(): void;
  destroy(): void;
}

/** YAML colors, each at least 4.5:1 on the editor's #10141a background (the default style's dark blue is not). */
const highlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: "#79c0ff" },
  { tag: [tags.string, tags.special(tags.string)], color: "#a5d6ff" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "#f2cc60" },
  { tag: tags.comment, color: "#9da7b3", fontStyle: "italic" },
  { tag: [tags.keyword, tags.typeName, tags.labelName], color: "#ff9bce" },
  { tag: [tags.punctuation, tags.separator, tags.operator], color: "#c9d1d9" },
]);

/** Dark theme with AA contrast, matching the terminals. */
const theme = EditorView.theme(
  {
    "&": { backgroundColor: "#10141a", color: "#e6e6e6", height: "100%" },
    ".cm-content": { caretColor: "#f5c542" },
    ".cm-gutters": { backgroundColor: "#161b22", color: "#9da7b3", border: "none" },
    ".cm-activeLine": { backgroundColor: "#1b2330" },
    ".cm-activeLineGutter": { backgroundColor: "#1b2330" },
    "&.cm-focused .cm-cursor": { borderLeftColor: "#f5c542" },
    "&.cm-focused .cm-selectionBackground, ::selection": { backgroundColor: "#3a5580" },
    ".cm-scroller": { fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace' },
  },
  { dark: true },
);

/** Mounts an editor on `parent` holding `content`. */
export function mountYamlEditor(parent: HTMLElement, content: string, label: string): MountedEditor {
  const view = new EditorView({
    doc: content,
    parent,
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      indentOnInput(),
      bracketMatching(),
      highlightActiveLine(),
      syntaxHighlighting(highlight),
      EditorState.tabSize.of(2),
      // Tab indents inside the editor; Escape then Tab leaves it (CodeMirror's documented escape hatch).
      keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
      yaml(),
      theme,
      EditorView.contentAttributes.of({ "aria-label": label }),
    ],
  });
  return {
    text: () => view.state.doc.toString(),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
