import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { buildIndex } from "../../src/search/build.ts";
import { parseQuery } from "../../src/search/query.ts";
import { SHIPPED_KNOWLEDGE } from "../support/knowledge.ts";

const { knowledge } = await loadKnowledge(SHIPPED_KNOWLEDGE);
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

  it("still corrects a typo to the word of the same length", () => {
    assert.deepEqual(parseQuery(index, "trad war").corrections, [{ from: "trad", to: "trade" }]);
  });

  it("drops a mistyped word without a topic instead of weighing it as a rare word", () => {
    assert.deepEqual(termKeys("waht did japan do"), termKeys("what did japan do"));
    assert.deepEqual(termKeys("becuase of the ruling"), termKeys("because of the ruling"));
  });
});
