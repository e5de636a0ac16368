import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { AnswerEngine } from "../../src/answer.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { buildIndex } from "../../src/search/build.ts";
import { parseQuery } from "../../src/search/query.ts";
import { rankPassages } from "../../src/search/rank.ts";
import { article, makeKnowledgeDir } from "../support/knowledge.ts";

/** A fictional wire story: the first paragraph says who raised the wages, the second names a minister. */
const STRIKE = article(
  {
    title: "Harbourton dock strike ends",
    source: "Test Wire",
    url: "https://example.org/test-wire/2019-08-20-harbourton-strike",
    published: "2019-08-20",
  },
  [
    "Dockworkers at Harbourton ended their two-week strike after the port authority agreed to raise their wages by 4 percent.",
    "Port Minister Lena Ortiz said on Monday that the cranes at the harbour would run through the night to clear the backlog of ships.",
    "Shipping lines had diverted dozens of container vessels to other ports during the stoppage.",
  ].join("\n\n"),
);

const folder = await makeKnowledgeDir(
  { "test-wire-harbourton-strike.md": STRIKE },
  { base: "empty" },
);
after(folder.cleanup);
const { knowledge } = await loadKnowledge(folder.dir);
const index = buildIndex(knowledge);
const engine = new AnswerEngine(knowledge, index);

const WHO_RAISED_WAGES = "Who agreed to raise the dockworkers' wages at Harbourton?";
/** The same question with a member's context around it, two words of which only the minister's paragraph has. */
const WITH_CONTEXT = `${WHO_RAISED_WAGES} My cousin drives a crane at the harbour and moans all week about his aching back, his overtime, his landlord, his rusty old bicycle, his football team, his vegetable garden and his noisy neighbours, honestly.`;

describe("the kind of answer a question asks for, in the ranking", () => {
  it("weighs in full for a question some paragraph matches well", () => {
    const [first, second] = rankPassages(
      index,
      parseQuery(index, "Who said the cranes would run through the night?"),
      2,
    );
    assert.match(first?.passage.text ?? "", /^Port Minister Lena Ortiz/);
    assert.equal(first?.features.answerType, first?.answerStrength);
    assert.ok(second === undefined || second.features.answerType === second.answerStrength);
  });

  it("weighs less where no paragraph matches half the question, as every other feature does", () => {
    const ranked = rankPassages(index, parseQuery(index, WITH_CONTEXT), 3);
    const minister = ranked.find((entry) => entry.passage.text.startsWith("Port Minister"));
    assert.ok(minister, "the minister's paragraph matches the context");
    assert.equal(minister.answerStrength, 1, "it names a person, as a who question asks");
    assert.ok(minister.features.answerType < minister.answerStrength);
  });

  it("answers a long question with the paragraph that matches its question, not a name matching its context", () => {
    for (const question of [WHO_RAISED_WAGES, WITH_CONTEXT]) {
      const answer = engine.ask(question);
      assert.match(
        answer.kind === "answer" ? answer.passage.text : "",
        /^Dockworkers at Harbourton/,
        question,
      );
    }
  });
});

/** A fictional ministry whose full name is in the glossary, and "ministry" in the vocabulary. */
const NIGHT_SHIFTS = article(
  {
    title: "Harbourton night shifts to end",
    source: "Test Wire",
    url: "https://example.org/test-wire/2019-09-02-night-shifts",
    published: "2019-09-02",
  },
  [
    "The Ministry of Harbours and Shipping said on its website that the night shifts at Harbourton would end in September.",
    "Union leaders said the night shifts had cost the ministry more than it saved.",
    "Dockworkers welcomed the news but asked for the lost overtime to be paid.",
  ].join("\n\n"),
);

describe("a long name in the glossary", () => {
  it("is the thing its first word names: 'the ministry' finds the Ministry of Harbours and Shipping", async () => {
    const ministry = await makeKnowledgeDir(
      {
        "test-wire-night-shifts.md": NIGHT_SHIFTS,
        "glossary.yaml": "- terms:\n    - Ministry of Harbours and Shipping\n    - MHS\n",
        "vocabulary.yaml": "- terms:\n    - ministry\n    - department\n",
      },
      { base: "empty" },
    );
    after(ministry.cleanup);
    const loaded = await loadKnowledge(ministry.dir);
    const answer = new AnswerEngine(loaded.knowledge).ask(
      "what did the ministry say on its website about the night shifts?",
    );
    assert.match(answer.kind === "answer" ? answer.passage.text : "", /^The Ministry of Harbours/);
  });
});
