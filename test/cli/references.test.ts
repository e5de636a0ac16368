import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TEST_WIRE_KNOWLEDGE, testWireFactSheet } from "../support/knowledge.ts";
import { checkKnowledgeWith, runCli, sayInPlayground } from "../support/spawn.ts";

const ASK = "src/cli/ask.ts";
const QUESTION = "why did the harbour board raise docking fees?";
const SOURCE_URL = "https://example.org/test-wire/2019-03-04-docking-fees";

describe("npm run ask on a fact sheet", () => {
  it("names the paragraph the project's own summary and cites its source with that source's date", async () => {
    const { code, stdout } = await runCli(ASK, [
      "--knowledge",
      TEST_WIRE_KNOWLEDGE,
      "--top",
      "0",
      QUESTION,
    ]);
    assert.equal(code, 0);
    assert.match(
      stdout,
      /^“In March 2019 the Exampletown harbour board raised docking fees .* outer channel\.”$/m,
    );
    assert.match(
      stdout,
      /— dispute-bot fact sheet \(the project's own summary\), "Fact sheet: the Exampletown harbour fees", paragraph 1\n {4}source: Test Wire, "Exampletown harbour board raises docking fees", 4 Mar 2019, https:\/\/example\.org\/test-wire\/2019-03-04-docking-fees\n/,
    );
    assert.doesNotMatch(stdout, /2026|\[\^/);
  });

  it("gives answer.references in JSON, and no date or link of the sheet's own", async () => {
    const { stdout } = await runCli(ASK, ["--json", "--knowledge", TEST_WIRE_KNOWLEDGE, QUESTION]);
    const { answer, alternatives } = JSON.parse(stdout);
    assert.equal(answer.kind, "fact-sheet");
    assert.equal(answer.published, null);
    assert.equal(answer.url, null);
    assert.deepEqual(answer.references, [
      {
        outlet: "Test Wire",
        title: "Exampletown harbour board raises docking fees",
        published: "2019-03-04",
        url: SOURCE_URL,
      },
    ]);
    assert.deepEqual(
      alternatives[0]?.references.map((reference: { published: string }) => reference.published),
      ["2019-05-20", "2019-03-04"],
      "an alternative's sources in the order its markers give them",
    );
  });
});

describe("npm run ask -- /timeline", () => {
  it("lists the events of a year, oldest first, each with its sources", async () => {
    const { code, stdout } = await runCli(ASK, ["/timeline", "2019"]);
    assert.equal(code, 0);
    const [header = "", ...blocks] = stdout.trim().split("\n\n");
    const count = Number(/^Timeline 2019: (\d+) events?$/.exec(header)?.[1]);
    assert.ok(count >= 5, header);
    assert.equal(blocks.length, count);
    let previous = "";
    for (const block of blocks) {
      const [event = "", ...sources] = block.split("\n");
      const date = /^(\d{1,2} )?[A-Z][a-z]{2} 2019 {2}\S/.exec(event);
      assert.ok(date, event);
      assert.ok(sources.length > 0, `${event} names no source`);
      for (const source of sources)
        assert.match(source, /^ {2}— .+, ".+", \d{1,2} [A-Z][a-z]{2} \d{4}, https?:\/\/\S+$/);
      previous = event;
    }
    assert.ok(previous);
  });

  it("answers in JSON with each event's references, and says which years it covers when asked for another", async () => {
    const { stdout } = await runCli(ASK, ["--json", "/timeline 2019"]);
    const { question, timeline, message } = JSON.parse(stdout);
    assert.equal(question, "/timeline 2019");
    assert.equal(message, null);
    assert.deepEqual(
      [timeline.period, timeline.from, timeline.to],
      ["2019", "2019-01-01", "2019-12-31"],
    );
    assert.ok(timeline.events.length > 0);
    for (const event of timeline.events) {
      assert.match(event.date, /^2019-\d{2}(-\d{2})?$/);
      assert.ok(event.references.length > 0);
      assert.deepEqual(Object.keys(event.references[0]).sort(), [
        "outlet",
        "published",
        "title",
        "url",
      ]);
    }
    const outside = JSON.parse((await runCli(ASK, ["--json", "/timeline 1990"])).stdout);
    assert.equal(outside.timeline, null);
    assert.match(outside.message, /^The timeline covers \d{4}–\d{4}; ask for a year in that range/);
  });
});

describe("npm run check-knowledge on references and the command limit", () => {
  it("fails a fact-sheet paragraph without a reference with file:line and how to fix it", async () => {
    const { code, stdout } = await checkKnowledgeWith({
      "harbour.md": testWireFactSheet(
        "In March 2019 the harbour board raised docking fees by twelve percent for ships. [^testwire-1]\n\nThree shipping lines protested the rise in May 2019 and threatened to leave the port.",
      ),
    });
    assert.equal(code, 1);
    assert.match(
      stdout,
      /^harbour\.md:16: error: a fact-sheet paragraph must name its sources: end it with one or more markers such as \[\^testwire-1\]/m,
    );
  });

  it("fails when the topics and the built-in commands exceed Discord's 100 commands", async () => {
    const topics = Array.from(
      { length: 94 },
      (_, index) =>
        `- name: topic-${index + 1}\n  description: Topic ${index + 1}\n  question: What is topic ${index + 1}?\n`,
    ).join("");
    const { code, stdout } = await checkKnowledgeWith({ "topics.yaml": topics });
    assert.equal(code, 1);
    assert.match(
      stdout,
      /^topics\.yaml:(\d+): error: 94 topics and 7 built-in commands make 101 commands, over Discord's limit of 100; remove or merge 1 topic \(from \/topic-94 on, none would be registered\)$/m,
    );
    assert.equal(
      /^topics\.yaml:(\d+)/m.exec(stdout)?.[1],
      String(93 * 3 + 1),
      "the line of /topic-94",
    );
  });
});

describe("npm run playground -- --say '/timeline 2019'", () => {
  it("answers through the bot with the year's events, each linked to its source", async () => {
    const { code, stderr, replies } = await sayInPlayground([
      "/timeline 2019",
      "/timeline year: 1990",
    ]);
    assert.equal(code, 0, stderr);
    const [year = "", outside = ""] = replies;
    assert.match(year, /┃ Timeline 2019: \d+ events/);
    assert.match(
      year,
      /┃ \d{1,2} [A-Z][a-z]{2} 2019: .+ \(.+, \d{1,2} [A-Z][a-z]{2} \d{4} <https?:\/\/\S+>/,
    );
    assert.match(outside, /\(only you can see this\)\nThe timeline covers \d{4} to \d{4}/);
  });
});
