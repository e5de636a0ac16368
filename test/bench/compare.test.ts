import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { PROJECT_ROOT, SHIPPED_KNOWLEDGE } from "../support/knowledge.ts";
import { compareEngines } from "./compare.ts";
import { benchQuestions, syntheticKnowledge } from "./corpus.ts";

describe("npm run bench -- --against DIR", () => {
  it("times this checkout's engine and the other's on the same questions, in as many rounds each", async () => {
    const { knowledge: real } = await loadKnowledge(SHIPPED_KNOWLEDGE);
    const knowledge = syntheticKnowledge(real, 200);
    const questions = benchQuestions(knowledge, ["why did seoul end gsomia"], 10);
    const rows = await compareEngines(PROJECT_ROOT, knowledge, questions);
    assert.deepEqual(
      rows.map((row) => row.engine),
      ["this checkout", path.basename(PROJECT_ROOT)],
    );
    for (const row of rows) {
      assert.equal(row.paragraphs, 200);
      assert.equal(row.queries, questions.length * 6);
      assert.ok(row.medianMs <= row.p99Ms, row.engine);
    }
  });
});
