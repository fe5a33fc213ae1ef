/**
 * The lesson file format: a well-formed lesson parses into steps with text per language, one-click
 * commands, hints, checks and solution lines; every mistake is reported as `file:line: message`.
 */
import { describe, expect, it } from "vitest";
import { formatLessonError, loadLessons, parseLesson } from "../../src/lessons";

const GOOD = `---
id: demo
title: { ko: 데모, en: Demo }
languages: [ko, en]
files: [app.yaml]
setup: [kubectl apply -f app.yaml]
---
# Demo

## create

### ko 만들기
디플로이먼트를 만듭니다.

\`\`\`try
kubectl apply -f app.yaml
\`\`\`

\`\`\`hint
apply 를 쓰세요.
\`\`\`

### en: Create it
Create the deployment.

\`\`\`try
kubectl apply -f app.yaml
\`\`\`

\`\`\`yaml
kind: Deployment
\`\`\`

\`\`\`hint
Use apply.
\`\`\`

\`\`\`check
deployment http-go exists
last command exit 0
\`\`\`

\`\`\`solution
kubectl apply -f app.yaml
kubectl run monitor -it --rm --image busybox -- sh   # terminal 2
while true; do wget -O- -q http-go:8080; sleep 1; done   # terminal 2 # background
\`\`\`
`;

describe("parseLesson", () => {
  it("reads front matter, steps, text, try blocks, hints, checks and solutions", () => {
    const r = parseLesson(GOOD, "lessons/demo/lesson.md");
    if (!r.ok) throw new Error(r.errors.map(formatLessonError).join("\n"));
    const l = r.lesson;
    expect([l.id, l.title, l.languages, l.fileNames, l.setup, l.seed]).toEqual([
      "demo",
      { ko: "데모", en: "Demo" },
      ["ko", "en"],
      ["app.yaml"],
      ["kubectl apply -f app.yaml"],
      1,
    ]);
    const step = l.steps[0];
    expect(step?.id).toBe("create");
    expect(step?.line).toBe(10);
    expect(step?.text.ko).toEqual({
      title: "만들기",
      blocks: [
        { kind: "text", markdown: "디플로이먼트를 만듭니다." },
        { kind: "try", commands: ["kubectl apply -f app.yaml"] },
      ],
      hint: "apply 를 쓰세요.",
    });
    expect(step?.text.en?.title).toBe("Create it");
    expect(step?.text.en?.blocks[2]).toEqual({ kind: "text", markdown: "```yaml\nkind: Deployment\n```" });
    expect(step?.checks.map((c) => [c.line, c.source])).toEqual([
      [39, "deployment http-go exists"],
      [40, "last command exit 0"],
    ]);
    expect(step?.solution).toEqual([
      { line: "kubectl apply -f app.yaml", terminal: 1, background: false, edit: undefined, sourceLine: 44 },
      {
        line: "kubectl run monitor -it --rm --image busybox -- sh",
        terminal: 2,
        background: false,
        sourceLine: 45,
      },
      {
        line: "while true; do wget -O- -q http-go:8080; sleep 1; done",
        terminal: 2,
        background: true,
        sourceLine: 46,
      },
    ]);
  });

  it.each([
    [
      "no front matter",
      "## a\n",
      ['x.md:1: a lesson starts with front matter: a "---" line, id, title, languages, "---"'],
    ],
    ["front matter not closed", "---\nid: a\n", ['x.md:1: front matter is not closed by a "---" line']],
    [
      "a typo in a front matter key",
      "---\nid: a\ntitle: A\nlangauges: [en]\n---\n## s\n### en S\n",
      [
        'x.md:4: front matter: unknown field "langauges" (known: id, title, languages, files, images, setup, seed)',
        'x.md:1: front matter: "languages" must list at least one language ([ko, en])',
      ],
    ],
    [
      "a title missing a language",
      "---\nid: a\ntitle: { en: A }\nlanguages: [ko, en]\n---\n",
      ['x.md:3: front matter: "title" needs a text for every language (title: { ko: …, en: … })'],
    ],
    [
      "a bad check, with its line",
      "---\nid: a\ntitle: A\nlanguages: [en]\n---\n## s\n### en S\ntext\n```check\ndeployment http-go exists\ndeployment http-go revison 2\n```\n",
      ['x.md:11: check "deployment http-go revison 2": unknown test "revison"'],
    ],
    [
      "a step missing a language",
      "---\nid: a\ntitle: A\nlanguages: [ko, en]\n---\n## s\n### en S\ntext\n",
      ['x.md:6: step "s" has no "### ko" section'],
    ],
    [
      "an unclosed code block",
      "---\nid: a\ntitle: A\nlanguages: [en]\n---\n## s\n### en S\n```try\nkubectl get pods\n",
      ["x.md:8: code block opened here is never closed with ```"],
    ],
    [
      "a language the lesson does not declare",
      "---\nid: a\ntitle: A\nlanguages: [en]\n---\n## s\n### en S\n### fr S\n",
      ['x.md:8: "### fr": not one of the lesson\'s languages (en)'],
    ],
    [
      "text outside a language section, and a duplicate step id",
      "---\nid: a\ntitle: A\nlanguages: [en]\n---\n## s\nloose text\n### en S\n## s\n### en T\n",
      [
        'x.md:7: text outside a language section: put it under "### ko …" or "### en …"',
        'x.md:9: step id "s" is used twice',
      ],
    ],
    [
      "an image without a repository",
      "---\nid: a\ntitle: A\nlanguages: [en]\nimages:\n  - tags: [v1]\n---\n",
      ['x.md:5: front matter: "images" must be a list of image specs, each with a "repository"'],
    ],
    [
      "a YAML error in the front matter",
      "---\nid: a\ntitle: [A\nlanguages: [en]\n---\n",
      [
        "x.md:4: front matter: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ],
    ],
  ])("reports %s with file:line", (_name, text, expected) => {
    const r = parseLesson(text, "x.md");
    expect(r.ok ? [] : r.errors.map(formatLessonError)).toEqual(expected);
  });
});

describe("loadLessons", () => {
  it("attaches the files the front matter lists, from the lesson's folder", () => {
    const c = loadLessons({
      "/lessons/demo/lesson.md": GOOD,
      "/lessons/demo/app.yaml": "kind: Deployment\n",
    });
    expect(c.errors).toEqual([]);
    expect(c.lessons[0]?.files).toEqual([{ name: "app.yaml", content: "kind: Deployment\n" }]);
  });

  it("reports a listed file that does not exist, at the line that lists it", () => {
    const c = loadLessons({ "lessons/demo/lesson.md": GOOD });
    expect(c.errors.map(formatLessonError)).toEqual([
      'lessons/demo/lesson.md:5: file "app.yaml" is listed but lessons/demo/app.yaml does not exist',
    ]);
  });
});
