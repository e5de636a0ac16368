import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { buildIndex } from "../../src/search/build.ts";
import { answerStrength } from "../../src/search/intent.ts";
import { parseQuery } from "../../src/search/query.ts";
import { stemWord, tokenize } from "../../src/search/text.ts";
import { V1_KNOWLEDGE } from "../support/knowledge.ts";

const { knowledge } = await loadKnowledge(V1_KNOWLEDGE);
const index = buildIndex(knowledge);

function termKeys(question: string): string[] {
  return parseQuery(index, question).terms.map((term) => term.key);
}

describe("parseQuery", () => {
  it("reads a clipped word as the longer word of the knowledge", () => {
    assert.ok(termKeys("intel sharing").includes("intellig"));
    assert.ok(termKeys("any info on exports").includes("inform"));
    assert.deepEqual(parseQuery(index, "any info on exports").corrections, []);
  });

  it("weighs no word of comparison or filler: vs, versus, besides, stuff", () => {
    assert.deepEqual(termKeys("exports in july vs august"), termKeys("exports in july august"));
    assert.deepEqual(termKeys("exports in july versus august"), termKeys("exports in july august"));
    assert.deepEqual(termKeys("what stuff besides beer"), termKeys("what beer"));
  });

  it("still corrects a typo to the word of the same length", () => {
    assert.deepEqual(parseQuery(index, "trad war").corrections, [{ from: "trad", to: "trade" }]);
  });

  it("corrects a capitalised name only to a name of the knowledge, and the first word still", () => {
    assert.deepEqual(parseQuery(index, "trade with Koorea").corrections, [
      { from: "Koorea", to: "korea" },
    ]);
    assert.deepEqual(parseQuery(index, "the Mitsubshi ruling").corrections, [
      { from: "Mitsubshi", to: "mitsubishi" },
    ]);
    // "matter" is a word of the knowledge, but never written as a name there.
    assert.deepEqual(parseQuery(index, "what did Mather say").corrections, []);
    assert.deepEqual(parseQuery(index, "what did mather say").corrections, [
      { from: "mather", to: "matter" },
    ]);
    // Five letters are too few to tell a typo from another name ("Kyoto" is not "Kyodo").
    assert.deepEqual(parseQuery(index, "trade with Japna").corrections, []);
    assert.deepEqual(parseQuery(index, "trade with japna").corrections, [
      { from: "japna", to: "japan" },
    ]);
    assert.deepEqual(parseQuery(index, "Exprot curbs in july").corrections, [
      { from: "Exprot", to: "export" },
    ]);
  });

  it("corrects a word of six letters or fewer by one edit only", () => {
    assert.deepEqual(parseQuery(index, "trade with brasil").corrections, []);
    // A longer word keeps two edits: a missing letter and a wrong one.
    assert.deepEqual(parseQuery(index, "inteligense sharing").corrections, [
      { from: "inteligense", to: "intelligence" },
    ]);
  });

  it("reads a typo as the English word one edit away rather than a word of the knowledge two away", () => {
    assert.deepEqual(parseQuery(index, "when does it expirin").corrections, [
      { from: "expirin", to: "expiring" },
    ]);
    // "expiring" and "expire" are one word to the search.
    assert.ok(termKeys("when does it expirin").includes("expir"));
    // Two edits stay a correction where no English word is nearer.
    assert.deepEqual(parseQuery(index, "inteligense sharing").corrections, [
      { from: "inteligense", to: "intelligence" },
    ]);
  });

  it("drops a mistyped word without a topic instead of weighing it as a rare word", () => {
    assert.deepEqual(termKeys("waht did japan do"), termKeys("what did japan do"));
    assert.deepEqual(termKeys("becuase of the ruling"), termKeys("because of the ruling"));
  });

  it("still reads a mistyped question word as asking what it asks", () => {
    for (const [typed, meant] of [
      ["wihch chemicals did japan restrict", "which chemicals did japan restrict"],
      ["wehn did japan restrict exports", "when did japan restrict exports"],
    ] as const) {
      const query = parseQuery(index, typed);
      assert.equal(query.answerType, parseQuery(index, meant).answerType, typed);
      assert.ok(query.answerType !== undefined, typed);
      assert.deepEqual(termKeys(typed), termKeys(meant), typed);
    }
  });
});

describe("word forms", () => {
  it("leaves common English words alone instead of 'correcting' them to a word of the knowledge", () => {
    for (const question of [
      "bitcoin price prediction",
      "are koreans boycotting japanese products",
    ]) {
      assert.deepEqual(parseQuery(index, question).corrections, [], question);
    }
  });

  it("never reads a whole English word as a longer word it starts: 'missed' is not 'missile'", () => {
    assert.ok(termKeys("which tests were missed").includes("miss"));
    assert.ok(!termKeys("which tests were missed").includes("missil"));
    assert.ok(!termKeys("what part did the us play").includes("partner"));
    assert.ok(!termKeys("what part did the us play").includes("plaintif"));
    // A clipped word of chat still reads as the word it clips.
    assert.ok(termKeys("intel sharing").includes("intellig"));
  });

  it("finds 'boycott' from 'boycotting', though Porter stems them apart", () => {
    assert.equal(stemWord("boycotting"), stemWord("boycott"));
    assert.equal(stemWord("committed"), stemWord("commit"));
  });

  it("reads 'won' after an amount as the currency, and otherwise as the past of 'win'", () => {
    const stems = (text: string) => tokenize(text).map((token) => token.stem);
    assert.ok(stems("pay 100 million won each").includes("won"));
    assert.ok(!stems("who won the world cup").includes("won"));
  });
});

describe("answer types", () => {
  it("prefers a calendar date to a vague time for 'when'", () => {
    assert.equal(answerStrength("time", "Japan's cabinet approved it on 2 August 2019."), 1);
    assert.equal(answerStrength("time", "The court ruled last year."), 0.5);
    assert.equal(answerStrength("time", "The court ruled against the firms."), 0);
    assert.equal(answerStrength("duration", "The talks lasted about 45 minutes."), 1);
  });
});
