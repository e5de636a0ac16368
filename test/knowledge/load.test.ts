import assert from "node:assert/strict";
import { chmod, rm, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, describe, it } from "node:test";
import { hasErrors, loadKnowledge, MAX_FILE_BYTES } from "../../src/knowledge/load.ts";
import type { KnowledgeIssue } from "../../src/knowledge/types.ts";
import {
  article,
  makeKnowledgeDir,
  SEED_DOCUMENT,
  SHIPPED_KNOWLEDGE,
} from "../support/knowledge.ts";

const errorsOf = (issues: readonly KnowledgeIssue[]) =>
  issues.filter((issue) => issue.severity === "error");

describe("the shipped knowledge folder", async () => {
  const { knowledge, issues } = await loadKnowledge(SHIPPED_KNOWLEDGE);

  it("loads without errors", () => {
    assert.deepEqual(errorsOf(issues), []);
  });

  it("has the DW seed with its citation", () => {
    const seed = knowledge.documents.find((document) => document.id === SEED_DOCUMENT);
    assert.deepEqual(
      seed && { title: seed.title, source: seed.source, published: seed.published, url: seed.url },
      {
        title: "South Korea scraps intelligence sharing with Japan",
        source: "DW",
        published: "2019-08-22",
        url: "https://www.dw.com/en/south-korea-scraps-intelligence-sharing-with-japan/a-50123883",
      },
    );
    assert.equal(
      knowledge.passages.filter((passage) => passage.documentId === SEED_DOCUMENT).length,
      8,
    );
  });

  it("ships the topic commands the product promises", () => {
    const names = knowledge.topics.map((topic) => topic.name);
    for (const name of ["why-gsomia", "whitelist", "forced-labour", "treaty-1965", "us-role"]) {
      assert.ok(names.includes(name), name);
    }
  });
});

describe("a broken knowledge folder", () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(() => Promise.all(cleanups.map((cleanup) => cleanup())));
  const load = async (files: Record<string, string | Buffer>) => {
    const { dir, cleanup } = await makeKnowledgeDir(files);
    cleanups.push(cleanup);
    return { dir, ...(await loadKnowledge(dir)) };
  };
  const find = (issues: readonly KnowledgeIssue[], file: string) =>
    errorsOf(issues).filter((issue) => issue.file === file);

  it("names the topic whose pin names no article, at that line", async () => {
    const { issues } = await load({
      "topics.yaml":
        "- name: lost\n  description: A topic\n  question: What?\n  pin:\n    document: nowhere\n    contains: text\n",
    });
    const [issue] = find(issues, "topics.yaml");
    assert.equal(issue?.line, 5);
    assert.match(issue?.message ?? "", /"nowhere" is not an article/);
  });

  it("names a pin phrase that no paragraph contains", async () => {
    const { issues } = await load({
      "topics.yaml": `- name: lost\n  description: A topic\n  question: What?\n  pin:\n    document: ${SEED_DOCUMENT}\n    contains: football scores\n`,
    });
    assert.match(
      find(issues, "topics.yaml")[0]?.message ?? "",
      /no paragraph .* contains "football scores"/,
    );
  });

  it("names a duplicate command name and a built-in one", async () => {
    const { issues } = await load({
      "topics.yaml":
        "- name: same\n  description: A\n  question: A?\n- name: same\n  description: B\n  question: B?\n- name: help\n  description: C\n  question: C?\n",
    });
    const messages = find(issues, "topics.yaml").map((issue) => `${issue.line}: ${issue.message}`);
    assert.deepEqual(messages, [
      '4: the command name "same" is used twice; give each topic its own name',
      '7: "help" is a built-in command; choose another name',
    ]);
  });

  it("rejects command names Discord would reject", async () => {
    const { issues } = await load({
      "topics.yaml": `- name: Why GSOMIA\n  description: A\n  question: A?\n- name: ok\n  description: ${"x".repeat(101)}\n  question: B?\n`,
    });
    const lines = find(issues, "topics.yaml").map((issue) => issue.line);
    assert.ok(lines.includes(1) && lines.includes(5), JSON.stringify(find(issues, "topics.yaml")));
  });

  it("reports bad YAML in the glossary with its line", async () => {
    const { issues } = await load({ "glossary.yaml": "- terms: [a, b\n- terms: [c, d]\n" });
    assert.ok(find(issues, "glossary.yaml").length > 0);
    assert.match(find(issues, "glossary.yaml")[0]?.message ?? "", /not valid YAML/);
  });

  it("reports a term that two glossary entries claim", async () => {
    const { issues } = await load({
      "glossary.yaml": "- terms: [Seoul, ROK]\n- terms:\n    - Tokyo\n    - Seoul\n",
    });
    const [issue] = find(issues, "glossary.yaml");
    assert.equal(issue?.line, 4);
    assert.match(issue?.message ?? "", /"Seoul" is already in the entry at line 1/);
  });

  it("reports a term that two entries on one line claim (a glossary in JSON)", async () => {
    const { issues } = await load({
      "glossary.json": '[{"terms":["Seoul","ROK"]},{"terms":["capital","seoul"]}]',
    });
    const [issue] = find(issues, "glossary.json");
    assert.match(issue?.message ?? "", /"seoul" is already in the entry at line 1/);
  });

  it("reports terms the search would take for one: another form of a word, a CJK term with a space", async () => {
    const { issues } = await load({
      "glossary.yaml": "- terms: [talk, dialogue]\n- terms: [외교장관, foreign minister]\n",
      "vocabulary.yaml": "- terms: [talks, 회담]\n- terms: [외교 장관, 外相]\n",
    });
    const messages = find(issues, "vocabulary.yaml").map((issue) => issue.message);
    assert.equal(messages.length, 2, messages.join(" | "));
    assert.match(messages[0] ?? "", /"talks" is already in the entry at glossary\.yaml:1/);
    assert.match(messages[1] ?? "", /"외교 장관" is already in the entry at glossary\.yaml:2/);
  });

  it("reads the vocabulary beside the glossary, a term in one entry across both files", async () => {
    const { knowledge, issues } = await load({
      "glossary.yaml": "- terms: [Seoul, ROK]\n",
      "vocabulary.yaml": "- terms: [talks, 회담, 会談]\n- terms:\n    - capital\n    - Seoul\n",
    });
    assert.deepEqual(knowledge.glossary, [
      { terms: ["Seoul", "ROK"], source: { file: "glossary.yaml", lines: [1, 1] } },
    ]);
    assert.deepEqual(knowledge.vocabulary, [
      { terms: ["talks", "회담", "会談"], source: { file: "vocabulary.yaml", lines: [1, 1, 1] } },
    ]);
    const [issue] = find(issues, "vocabulary.yaml");
    assert.equal(issue?.line, 4);
    assert.match(issue?.message ?? "", /"Seoul" is already in the entry at glossary\.yaml:1/);
  });

  it("reports an article without a title, a binary file and an oversized file", async () => {
    const { issues } = await load({
      "untitled.md": article(
        { source: "X", url: "https://example.org", published: "2019-08-01" },
        "Some text.",
      ),
      "image.txt": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      "huge.md": article(
        { title: "Huge", source: "X", url: "https://example.org", published: "2019-08-01" },
        "word ".repeat(MAX_FILE_BYTES / 4),
      ),
    });
    assert.match(find(issues, "untitled.md")[0]?.message ?? "", /title is required/);
    assert.equal(find(issues, "untitled.md")[0]?.line, 2);
    assert.match(find(issues, "image.txt")[0]?.message ?? "", /not UTF-8 text/);
    assert.match(find(issues, "huge.md")[0]?.message ?? "", /over the \d+-byte limit/);
  });

  it("reports an unreadable file", {
    skip: process.getuid?.() === 0 ? "root reads every file" : false,
  }, async () => {
    const { dir } = await load({});
    await chmod(path.join(dir, "topics.yaml"), 0o000);
    const { issues } = await loadKnowledge(dir);
    assert.match(find(issues, "topics.yaml")[0]?.message ?? "", /cannot be read/);
  });

  it("reports an article it cannot read, such as a link to a file that is gone", async () => {
    const { dir, issues: before } = await load({});
    assert.deepEqual(errorsOf(before), []);
    await symlink(path.join(dir, "no-such-target.md"), path.join(dir, "gone.md"));
    const { issues } = await loadKnowledge(dir);
    assert.match(find(issues, "gone.md")[0]?.message ?? "", /cannot be read \(ENOENT\)/);
  });

  it("refuses a link that leads out of the folder, naming the file and the target's folder", async () => {
    const outside = await makeKnowledgeDir(
      {
        "secret.md": article(
          { title: "Operator notes", source: "Test Wire", published: "2019-08-01" },
          "The admin password is hunter2.",
        ),
      },
      { base: "empty" },
    );
    cleanups.push(outside.cleanup);
    const { dir } = await load({});
    await symlink(path.join(outside.dir, "secret.md"), path.join(dir, "notes.md"));
    await symlink(outside.dir, path.join(dir, "more"));
    const { knowledge, issues } = await loadKnowledge(dir);
    for (const file of ["notes.md", "more"]) {
      const [error] = find(issues, file);
      assert.ok(error, `${file} is an error`);
      assert.ok(error.message.includes(outside.dir), `${file}: ${error.message}`);
      assert.match(error.message, /outside the knowledge folder/);
    }
    assert.ok(!knowledge.passages.some((passage) => passage.text.includes("hunter2")));
  });

  it("follows a link that stays inside the folder", async () => {
    const { dir } = await load({});
    await symlink(path.join(dir, "topics.yaml"), path.join(dir, "linked.md"));
    const { issues } = await loadKnowledge(dir);
    assert.ok(!find(issues, "linked.md").some((issue) => /outside/.test(issue.message)));
  });

  it("leaves a README alone and only warns about other stray files", async () => {
    const { issues } = await load({
      "README.md": "# What this folder holds\n\nNotes for admins.\n",
      "notes.docx": "binary-ish",
    });
    assert.deepEqual(errorsOf(issues), []);
    assert.ok(!issues.some((issue) => issue.file === "README.md"));
    assert.equal(issues.find((issue) => issue.file === "notes.docx")?.severity, "warning");
  });

  it("reads topics from JSON as well as YAML", async () => {
    const { dir } = await load({});
    await rm(path.join(dir, "topics.yaml"));
    await writeFile(
      path.join(dir, "topics.json"),
      JSON.stringify([
        {
          name: "json-topic",
          description: "A topic from JSON",
          question: "Why did South Korea scrap GSOMIA?",
        },
      ]),
    );
    const { knowledge, issues } = await loadKnowledge(dir);
    assert.deepEqual(errorsOf(issues), []);
    assert.deepEqual(
      knowledge.topics.map((topic) => topic.name),
      ["json-topic"],
    );
  });

  it("reports a folder that does not exist", async () => {
    const { issues } = await loadKnowledge("/definitely/not/here");
    assert.ok(hasErrors(issues));
    assert.match(issues[0]?.message ?? "", /cannot read the knowledge folder/);
  });
});
