import assert from "node:assert/strict";
import { symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, describe, it } from "node:test";
import { BOYCOTT_ARTICLE, makeKnowledgeDir, SEED_DOCUMENT } from "../support/knowledge.ts";
import { runCli } from "../support/spawn.ts";

const ASK = "src/cli/ask.ts";
const DW_URL =
  "https://www.dw.com/en/south-korea-scraps-intelligence-sharing-with-japan/a-50123883";

describe("npm run ask", () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(() => Promise.all(cleanups.map((cleanup) => cleanup())));

  it("quotes the deputy director's paragraph with the DW citation", async () => {
    const { code, stdout } = await runCli(ASK, ["why did korea drop gsomia"]);
    assert.equal(code, 0);
    assert.match(stdout, /^“Exchanging military intelligence is not in the "national interest"/);
    assert.match(
      stdout,
      /— DW, "South Korea scraps intelligence sharing with Japan", 22 Aug 2019, paragraph 3/,
    );
    assert.ok(stdout.includes(DW_URL));
  });

  it("says it has no confident answer to an off-topic question", async () => {
    const { code, stdout } = await runCli(ASK, ["who won the world cup"]);
    assert.equal(code, 0);
    assert.match(stdout, /^I have no confident answer/);
    assert.doesNotMatch(stdout, /“/);
  });

  it("answers a topic exactly as its slash command does", async () => {
    const { stdout } = await runCli(ASK, ["/why-gsomia"]);
    assert.match(stdout, /not in the "national interest"/);
    assert.match(stdout, /topic \/why-gsomia/);
  });

  it("prints one JSON object with the citation fields", async () => {
    const { code, stdout } = await runCli(ASK, [
      "--json",
      "--top",
      "2",
      "Why did South Korea scrap GSOMIA?",
    ]);
    assert.equal(code, 0);
    const result = JSON.parse(stdout);
    assert.equal(result.question, "Why did South Korea scrap GSOMIA?");
    assert.deepEqual(Object.keys(result.answer).sort(), [
      "confidence",
      "document",
      "kind",
      "line",
      "paragraph",
      "published",
      "references",
      "source",
      "text",
      "title",
      "url",
    ]);
    assert.equal(result.answer.document, SEED_DOCUMENT);
    assert.equal(result.answer.url, DW_URL);
    assert.equal(result.answer.published, "2019-08-22");
    assert.ok(result.alternatives.length <= 2);
    assert.ok(Array.isArray(result.suggestions));
  });

  it("answers a file of questions from stdin, one result per line", async () => {
    const input = "why did korea drop gsomia\nwho won the world cup\n/whitelist\n";
    const { code, stdout } = await runCli(ASK, ["--json"], { input });
    assert.equal(code, 0);
    const results = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      results.map((result) => [result.question, result.answer === null]),
      [
        ["why did korea drop gsomia", false],
        ["who won the world cup", true],
        ["/whitelist", false],
      ],
    );
    const text = await runCli(ASK, [], { input });
    assert.equal(text.stdout.trim().split("\n").length, 3);
    assert.match(
      text.stdout.split("\n")[1] ?? "",
      /who won the world cup → I have no confident answer/,
    );
  });

  it("fails clearly on a missing folder", async () => {
    const { code, stderr } = await runCli(ASK, ["--knowledge", "/no/such/folder", "gsomia"]);
    assert.equal(code, 1);
    assert.match(stderr, /cannot read the knowledge folder/);
  });

  it("fails clearly on a broken folder, naming file and line", async () => {
    const { dir, cleanup } = await makeKnowledgeDir({ "bad.md": "---\nsource: X\n---\n\nText.\n" });
    cleanups.push(cleanup);
    const { code, stderr } = await runCli(ASK, ["--knowledge", dir, "gsomia"]);
    assert.equal(code, 1);
    assert.match(stderr, /bad\.md:2: error: title: title is required/);
  });

  it("rejects a bad option with the usage", async () => {
    const { code, stderr } = await runCli(ASK, ["--top", "many", "gsomia"]);
    assert.equal(code, 2);
    assert.match(stderr, /--top takes a whole number/);
    assert.match(stderr, /Usage:/);
  });

  it("reports a bad LOG_LEVEL by name", async () => {
    const { code, stderr } = await runCli(ASK, ["gsomia"], { env: { LOG_LEVEL: "loud" } });
    assert.equal(code, 2);
    assert.match(stderr, /LOG_LEVEL: must be one of debug, info, warn, error, silent/);
  });
});

describe("npm run check-knowledge", () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(() => Promise.all(cleanups.map((cleanup) => cleanup())));

  it("passes on the shipped folder", async () => {
    const { code, stdout } = await runCli("src/cli/check-knowledge.ts", []);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^OK: \d+ documents, \d+ passages, \d+ topics.*timeline events in \S+$/m);
    assert.doesNotMatch(stdout, /warning/, "the shipped folder checks clean");
  });

  it("lists every error with file and line and exits 1", async () => {
    const { dir, cleanup } = await makeKnowledgeDir({
      "bad.md":
        "---\ntitle: T\nsource: S\nurl: https://example.org\npublished: someday\n---\n\nText.\n",
      "topics.yaml": "- name: Bad Name\n  description: x\n  question: y?\n",
    });
    cleanups.push(cleanup);
    const { code, stdout } = await runCli("src/cli/check-knowledge.ts", ["--knowledge", dir]);
    assert.equal(code, 1);
    assert.match(
      stdout,
      /bad\.md:5: error: published: "someday" is not a date; write it as YYYY-MM-DD/,
    );
    assert.match(stdout, /topics\.yaml:1: error: .*command name/);
    assert.match(stdout, /\d+ errors?, \d+ warnings?: fix the errors above/);
  });

  it("fails on a link that leads out of the folder, naming it and where it leads", async () => {
    const outside = await makeKnowledgeDir({}, { base: "empty" });
    const { dir, cleanup } = await makeKnowledgeDir({});
    cleanups.push(cleanup, outside.cleanup);
    await writeFile(path.join(outside.dir, "private.md"), BOYCOTT_ARTICLE);
    await symlink(path.join(outside.dir, "private.md"), path.join(dir, "linked.md"));
    const { code, stdout } = await runCli("src/cli/check-knowledge.ts", ["--knowledge", dir]);
    assert.equal(code, 1, stdout);
    assert.ok(
      stdout.includes(
        `linked.md: error: is a link into ${outside.dir}, outside the knowledge folder`,
      ),
      stdout,
    );
  });
});
