import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { namesSomeoneElse, whoAskedAmong } from "../../src/search/who.ts";

describe("a question that asks who", () => {
  it("is a sentence that asks opening with who, after any lead-in", () => {
    for (const question of [
      "Who heads the festival's organisers?",
      "ok so who replaced him as trade minister",
      "The statue caused an uproar. Who made it?",
    ]) {
      assert.ok(whoAskedAmong(question), question);
    }
  });

  it("is not 'who' inside a sentence, nor in context around the question", () => {
    for (const question of [
      "Are the two still fighting over who owns the islands?",
      "The official who spoke on Thursday was angry. What did he say?",
      "what did the minister say",
    ]) {
      assert.equal(whoAskedAmong(question), undefined, question);
    }
  });
});

describe("a paragraph that names someone the question does not", () => {
  const asked = (question: string) => whoAskedAmong(question) ?? new Set<string>();

  it("names a person, a title or a body whose last word the question lacks", () => {
    const question = asked("Who heads the organisers of the Aichi festival?");
    assert.equal(
      namesSomeoneElse(question, "Governor Ken Example, who heads the organisers, said so."),
      true,
    );
    assert.equal(
      namesSomeoneElse(question, "The festival's organisers shut the show, the office said."),
      true,
      "a body in lower case",
    );
  });

  it("names nobody else when its names are the question's, a weekday or a capitalised opening word", () => {
    assert.equal(
      namesSomeoneElse(
        asked("who replaced Sample as trade minister?"),
        "Trade Minister Taro Sample said on Tuesday that the curbs would stay.",
      ),
      false,
    );
    assert.equal(
      namesSomeoneElse(
        asked("Who closed the Aichi exhibit?"),
        "The exhibit at the Aichi festival was shut on Saturday after threats.",
      ),
      false,
    );
  });
});
