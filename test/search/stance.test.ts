import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { stanceAskedOf, statesAt } from "../../src/search/stance.ts";

function partyAsked(question: string): string | undefined {
  const span = stanceAskedOf(question);
  return span && question.slice(span[0], span[1]);
}

describe("a question for a party's stance", () => {
  it("names the party of a position, a view or an attribution", () => {
    assert.equal(partyAsked("What's Tokyo's position on compensation?"), "Tokyo");
    assert.equal(partyAsked("what is Japan's argument about the claims?"), "Japan");
    assert.equal(partyAsked("Japan's view on wartime claims"), "Japan");
    assert.equal(partyAsked("According to Tokyo, were the grievances resolved?"), "Tokyo");
  });

  it("is not what someone said, the source's view, or a pronoun's", () => {
    for (const question of [
      "what did seoul say about the curbs?",
      "what is the article's view?",
      "according to the article, did japan lift the curbs?",
      "what is their position?",
    ]) {
      assert.equal(partyAsked(question), undefined, question);
    }
  });
});

describe("a paragraph where the party states its stance", () => {
  it("has the party's name, then a verb of saying or holding within two words", () => {
    const text = "Japan says wartime issues were settled by a 1965 treaty.";
    assert.equal(statesAt(text, [5]), true);
    const object = "A court ordered Japanese companies to compensate workers.";
    assert.equal(statesAt(object, [object.indexOf("Japanese") + 8]), false);
  });
});
