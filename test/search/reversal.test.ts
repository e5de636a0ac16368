import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { asksWhetherUndone, tellsOfUndoing } from "../../src/search/reversal.ts";

describe("a question whether a step was undone", () => {
  it("is read in the sentence that asks, as a verb of undoing", () => {
    for (const question of [
      "Did Seoul reverse its decision to end the pact?",
      "when did japan put korea back on the white list",
      "did tokyo ever lift the curbs on the three chemicals",
      "I think relations got better later. Did Japan restore Korea's trade status?",
    ]) {
      assert.equal(asksWhetherUndone(question), true, question);
    }
  });

  it("is not the 1965 normalisation, a blow struck back, an undoing named as known, or context", () => {
    for (const question of [
      "When did Japan and South Korea restore normal diplomatic relations?",
      "Which year's treaty normalized Japan-Korea relations?",
      "did korea hit back on the trade side?",
      "what did abe call seoul's u-turn",
      "Who is the US hoping to get back to the table for talks?",
      "My uncle says Japan lifted the curbs. Why did Seoul end the pact?",
    ]) {
      assert.equal(asksWhetherUndone(question), false, question);
    }
  });
});

describe("a paragraph that tells of a step undone", () => {
  it("tells of it suspended, lifted, restored or resumed", () => {
    for (const text of [
      "Seoul announced it was conditionally suspending its notice of termination.",
      "Japan agreed to lift the curbs on the three materials.",
      "Tokyo restored South Korea to its list of trusted trading partners.",
      "The two sides resumed working-level talks.",
    ]) {
      assert.equal(tellsOfUndoing(text), true, text);
    }
  });

  it("does not in telling of the step itself, or of a renewal due", () => {
    for (const text of [
      "South Korea responded by revoking Japan's special trade status.",
      "The three-year-old agreement was due to be automatically renewed on Saturday.",
    ]) {
      assert.equal(tellsOfUndoing(text), false, text);
    }
  });
});
