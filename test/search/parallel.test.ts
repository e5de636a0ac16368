import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { buildIndex } from "../../src/search/build.ts";
import { buildIndexParallel } from "../../src/search/parallel.ts";
import { syntheticKnowledge } from "../bench/corpus.ts";
import { SHIPPED_KNOWLEDGE } from "../support/knowledge.ts";

describe("buildIndexParallel", () => {
  it("builds the same index on two threads as on one", async () => {
    const { knowledge: real } = await loadKnowledge(SHIPPED_KNOWLEDGE);
    const knowledge = syntheticKnowledge(real, 3000);
    const serial = buildIndex(knowledge);
    const parallel = await buildIndexParallel(knowledge);
    assert.deepEqual([...parallel.postings.keys()].sort(), [...serial.postings.keys()].sort());
    for (const [key, postings] of serial.postings) {
      const other = parallel.postings.get(key);
      assert.deepEqual(Array.from(other?.passages ?? []), Array.from(postings.passages), key);
      assert.deepEqual(Array.from(other?.counts ?? []), Array.from(postings.counts), key);
    }
    assert.deepEqual(Array.from(parallel.lengths), Array.from(serial.lengths));
    assert.equal(parallel.averageLength, serial.averageLength);
    assert.equal(parallel.vocabulary.size, serial.vocabulary.size);
  });
});
