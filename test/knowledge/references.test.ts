import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { BUILT_IN_COMMANDS } from "../../src/discord/commands/index.ts";
import { loadKnowledge, RESERVED_TOPIC_NAMES } from "../../src/knowledge/load.ts";
import { formatIssue, type KnowledgeIssue } from "../../src/knowledge/types.ts";
import { askTimeline, timelineYears } from "../../src/timeline.ts";
import {
  article,
  makeKnowledgeDir,
  SHIPPED_KNOWLEDGE,
  testWireFactSheet,
  testWireReference,
  testWireTimeline,
} from "../support/knowledge.ts";

const PARAGRAPH =
  "In March 2019 the harbour board raised docking fees by twelve percent for ships.";

async function load(files: Record<string, string>) {
  const { dir, cleanup } = await makeKnowledgeDir(files, { base: "empty" });
  cleanups.push(cleanup);
  return loadKnowledge(dir);
}
const cleanups: (() => Promise<void>)[] = [];

const lines = (issues: readonly KnowledgeIssue[], severity: KnowledgeIssue["severity"]) =>
  issues.filter((issue) => issue.severity === severity).map(formatIssue);

describe("fact-sheet references", () => {
  after(() => Promise.all(cleanups.map((cleanup) => cleanup())));

  it("strips the markers from the quoted text and resolves them in marker order", async () => {
    const second = `  testwire-2:\n${testWireReference("2019-05-20", "Lines protest")}`;
    const { knowledge, issues } = await load({
      "sheet.md": testWireFactSheet(`${PARAGRAPH} [^testwire-2] [^testwire-1]`, second),
    });
    assert.deepEqual(lines(issues, "error"), []);
    const [passage] = knowledge.passages;
    assert.equal(passage?.text, PARAGRAPH);
    assert.deepEqual(
      passage?.references.map((reference) => [reference.id, reference.outlet, reference.published]),
      [
        ["testwire-2", "Test Wire", "2019-05-20"],
        ["testwire-1", "Test Wire", "2019-03-04"],
      ],
    );
    assert.equal(knowledge.documents[0]?.url, undefined, "a fact sheet needs no url of its own");
  });

  it("fails a fact-sheet paragraph without a marker, with its file and line", async () => {
    const { issues } = await load({
      "sheet.md": testWireFactSheet(`${PARAGRAPH} [^testwire-1]\n\n${PARAGRAPH}`),
    });
    assert.equal(lines(issues, "error").length, 1);
    assert.match(
      lines(issues, "error")[0] ?? "",
      /^sheet\.md:16: error: a fact-sheet paragraph must name its sources: end it with .*\[\^testwire-1\]/,
    );
  });

  it("fails a marker whose id is not under references, naming the ids there are", async () => {
    const { issues } = await load({ "sheet.md": testWireFactSheet(`${PARAGRAPH} [^testwire-9]`) });
    assert.match(
      lines(issues, "error").join("\n"),
      /^sheet\.md:14: error: \[\^testwire-9\] is not under references: .*use one of: testwire-1$/m,
    );
  });

  it("fails a marker inside the paragraph rather than at its end", async () => {
    const { issues } = await load({
      "sheet.md": testWireFactSheet(
        `In March 2019 [^testwire-1] the board raised fees by twelve percent.`,
      ),
    });
    assert.match(
      lines(issues, "error").join("\n"),
      /sheet\.md:14: error: .*move the markers to its end/,
    );
  });

  it("fails a reference without its outlet, a date in the future, and a link that is not http(s)", async () => {
    const broken = [
      "  testwire-2:",
      '    title: "No outlet"',
      "    published: 2019-05-20",
      "    url: https://example.org/test-wire/2",
      "  testwire-3:",
      "    outlet: Test Wire",
      '    title: "From the future"',
      "    published: 2999-01-01",
      "    url: https://example.org/test-wire/3",
      "  testwire-4:",
      "    outlet: Test Wire",
      '    title: "Not a web link"',
      "    published: 2019-05-20",
      "    url: ftp://example.org/test-wire/4",
    ].join("\n");
    const { issues } = await load({
      "sheet.md": testWireFactSheet(
        `${PARAGRAPH} [^testwire-1] [^testwire-2] [^testwire-3] [^testwire-4]`,
        broken,
      ),
    });
    const errors = lines(issues, "error").join("\n");
    assert.match(
      errors,
      /^sheet\.md:13: error: references\.testwire-2\.outlet: outlet is required; add it$/m,
    );
    assert.match(
      errors,
      /^sheet\.md:19: error: references\.testwire-3\.published: published 2999-01-01 is in the future; correct the date/m,
    );
    assert.match(
      errors,
      /^sheet\.md:25: error: references\.testwire-4\.url: url must be an http\(s\) link$/m,
    );
  });

  it("warns about a reference no paragraph cites, at its line", async () => {
    const unused = `  testwire-2:\n${testWireReference("2019-05-20", "Never cited")}`;
    const { issues } = await load({
      "sheet.md": testWireFactSheet(`${PARAGRAPH} [^testwire-1]`, unused),
    });
    assert.deepEqual(lines(issues, "error"), []);
    assert.deepEqual(lines(issues, "warning"), [
      "sheet.md:13: warning: the reference testwire-2 is cited by no paragraph; cite it with [^testwire-2] or remove it",
    ]);
  });

  it("fails a reference id that is not lowercase letters, digits and hyphens", async () => {
    const bad = `  Test_Wire:\n${testWireReference("2019-05-20", "Bad id")}`;
    const { issues } = await load({
      "sheet.md": testWireFactSheet(`${PARAGRAPH} [^testwire-1] [^Test_Wire]`, bad),
    });
    assert.match(
      lines(issues, "error").join("\n"),
      /^sheet\.md:\d+: error: references\.Test_Wire: a reference id is lowercase letters, digits and hyphens/m,
    );
  });

  it("still requires an article's own url, and asks no references of it", async () => {
    const { issues } = await load({
      "news.md": article(
        { title: "Fees", source: "Test Wire", published: "2019-03-04" },
        PARAGRAPH,
      ),
    });
    assert.match(
      lines(issues, "error").join("\n"),
      /^news\.md:2: error: url: url is required; add the article's link/m,
    );
  });
});

describe("the timeline file", () => {
  after(() => Promise.all(cleanups.map((cleanup) => cleanup())));
  const sheet = testWireFactSheet(`${PARAGRAPH} [^testwire-1]`);

  it("loads events sorted by date, a month alone allowed, each with its references", async () => {
    const { knowledge, issues } = await load({
      "sheet.md": sheet,
      "timeline.yaml": testWireTimeline([
        { date: "2019-03", event: "The harbour board proposes a fee rise." },
        { date: "2019-03-04", event: "The harbour board raises docking fees." },
      ]),
    });
    assert.deepEqual(lines(issues, "error"), []);
    assert.deepEqual(
      knowledge.timeline.map((event) => [event.date, event.line, event.references[0]?.outlet]),
      [
        ["2019-03", 1, "Test Wire"],
        ["2019-03-04", 9, "Test Wire"],
      ],
    );
  });

  it("fails events out of order at the later one's line", async () => {
    const { issues } = await load({
      "sheet.md": sheet,
      "timeline.yaml": testWireTimeline([
        { date: "2019-05-20", event: "Shipping lines protest." },
        { date: "2019-03-04", event: "Fees rise." },
      ]),
    });
    assert.deepEqual(lines(issues, "error"), [
      "timeline.yaml:9: error: 2019-03-04 comes after 2019-05-20 (line 1); keep the events sorted by date, oldest first",
    ]);
  });

  it("fails an event without a reference and a future or impossible date, each at its line", async () => {
    const { issues } = await load({
      "sheet.md": sheet,
      "timeline.yaml": testWireTimeline([
        { date: "2019-02-30", event: "A day that never was." },
        { date: "2999-01-01", event: "Not yet." },
        { date: "2019-06-01", event: "Nobody reported it.", references: " []" },
      ]),
    });
    assert.deepEqual(lines(issues, "error"), [
      'timeline.yaml:1: error: 0.date: date "2019-02-30" is not a date; write it as YYYY-MM-DD, or YYYY-MM when only the month is known',
      "timeline.yaml:9: error: 1.date: date 2999-01-01 is in the future; correct the date (only what has happened belongs here)",
      "timeline.yaml:19: error: 2.references: an event needs at least one reference (outlet, title, published, url)",
    ]);
  });
});

describe("the shipped knowledge's references", async () => {
  const { knowledge } = await loadKnowledge(SHIPPED_KNOWLEDGE);

  it("gives every fact-sheet paragraph at least one dated source, and no marker stays in a quote", () => {
    const factSheets = new Set(
      knowledge.documents
        .filter((document) => document.kind === "fact-sheet")
        .map((document) => document.id),
    );
    const summaries = knowledge.passages.filter((passage) => factSheets.has(passage.documentId));
    assert.ok(summaries.length > 0);
    for (const passage of summaries) {
      assert.ok(
        passage.references.length > 0,
        `${passage.documentId} paragraph ${passage.paragraph}`,
      );
      assert.doesNotMatch(passage.text, /\[\^/);
    }
  });

  it("answers every year of its timeline with that year's events, each cited", () => {
    assert.ok(knowledge.timeline.length >= 10);
    const years = timelineYears(knowledge.timeline);
    assert.ok(years);
    let shown = 0;
    for (let year = years.first; year <= years.last; year++) {
      const answer = askTimeline(knowledge.timeline, year);
      assert.equal(answer.kind, "timeline", String(year));
      if (answer.kind !== "timeline") continue;
      for (const event of answer.events) {
        assert.ok(event.date.startsWith(String(year)), `${event.date} in ${year}`);
        assert.ok(event.references.length > 0, event.event);
      }
      shown += answer.events.length;
    }
    assert.equal(shown, knowledge.timeline.length, "every event belongs to one year");
  });
});

describe("built-in command names", () => {
  it("are all reserved, so no topic can take one", () => {
    for (const command of [...BUILT_IN_COMMANDS.map((builtIn) => builtIn.data.name), "timeline"]) {
      assert.ok(RESERVED_TOPIC_NAMES.includes(command), command);
    }
  });
});
