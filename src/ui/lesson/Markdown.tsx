/**
 * The small Markdown subset lesson text uses, rendered to React elements (never to HTML strings, so
 * lesson text cannot inject markup): paragraphs, `-`/`1.` lists, fenced code, `###` headings,
 * **bold**, *italic*, `code` and [links](url).
 */
import type { ReactNode } from "react";

/** Inline spans of one line of text. */
function inline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /(`[^`]+`|\*\*[^*]+\*\*|\*[^*]+\*|\[[^\]]+\]\([^)]+\))/g;
  let last = 0;
  let i = 0;
  for (const m of text.matchAll(pattern)) {
    const start = m.index ?? 0;
    if (start > last) out.push(text.slice(last, start));
    const token = m[0];
    const k = `${key}-${i++}`;
    if (token.startsWith("`")) out.push(<code key={k}>{token.slice(1, -1)}</code>);
    else if (token.startsWith("**")) out.push(<strong key={k}>{inline(token.slice(2, -2), k)}</strong>);
    else if (token.startsWith("*")) out.push(<em key={k}>{inline(token.slice(1, -1), k)}</em>);
    else {
      const link = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(token);
      out.push(
        <a key={k} href={link?.[2]} target="_blank" rel="noreferrer noopener">
          {link?.[1]}
        </a>,
      );
    }
    last = start + token.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Renders `markdown`. */
export function Markdown({ markdown }: { markdown: string }) {
  const blocks: ReactNode[] = [];
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let i = 0;
  let n = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const key = `b${n++}`;
    if (line.trim() === "") {
      i++;
      continue;
    }
    if (line.startsWith("```")) {
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] as string).startsWith("```"); i++)
        body.push(lines[i] as string);
      i++;
      blocks.push(
        <pre key={key}>
          <code>{body.join("\n")}</code>
        </pre>,
      );
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push(<h4 key={key}>{inline(heading[2] ?? "", key)}</h4>);
      i++;
      continue;
    }
    if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      for (; i < lines.length && /^\s*([-*]|\d+\.)\s+/.test(lines[i] as string); i++) {
        items.push((lines[i] as string).replace(/^\s*([-*]|\d+\.)\s+/, ""));
      }
      const children = items.map((it, j) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: list items are positional
        <li key={`${key}-${j}`}>{inline(it, `${key}-${j}`)}</li>
      ));
      blocks.push(ordered ? <ol key={key}>{children}</ol> : <ul key={key}>{children}</ul>);
      continue;
    }
    const para: string[] = [];
    for (
      ;
      i < lines.length &&
      (lines[i] as string).trim() !== "" &&
      !/^(```|#|\s*([-*]|\d+\.)\s)/.test(lines[i] as string);
      i++
    )
      para.push(lines[i] as string);
    if (para.length === 0) {
      para.push(line);
      i++;
    }
    blocks.push(<p key={key}>{inline(para.join(" "), key)}</p>);
  }
  return <>{blocks}</>;
}
