import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { reactionAskedOf, reactsAt } from "../../src/search/reaction.ts";

function partyAsked(question: string): string | undefined {
  const span = reactionAskedOf(question);
  return span && question.slice(span[0], span[1]);
}

describe("a question how a party reacted", () => {
  it("names the party in the sentence that asks, or in a message typed as a search", () => {
    assert.equal(partyAsked("What was China's reaction to the decision?"), "China");
    assert.equal(partyAsked("how did north korea react to all this"), "north korea");
    assert.equal(
      partyAsked("I read the news. How did the US government respond?"),
      "US government",
    );
    assert.equal(partyAsked("what did beijing think of all this drama"), "beijing");
    assert.equal(partyAsked("what did north korea say about the pact ending"), "north korea");
    assert.equal(partyAsked("Did the Pentagon say anything about it?"), "Pentagon");
    assert.equal(partyAsked("pompeo esper reaction gsomia"), "pompeo esper");
  });

  it("is not a question about the source, a pronoun, or one that asks no reaction", () => {
    for (const question of [
      "what is the article's take on the dispute?",
      "how did they react?",
      "why did seoul end the pact?",
      "How did the two sides in this whole long messy fight react?",
      "what did they say about it?",
      "What did the article say about the white list?",
    ]) {
      assert.equal(partyAsked(question), undefined, question);
    }
  });
});

describe("a paragraph that tells of the party's reaction", () => {
  const text =
    "The spat is a setback at a time when Washington is in a trade dispute with China. Beijing said it regretted the decision.";
  it("has the party say or do something in the same sentence", () => {
    const beijing = text.indexOf("Beijing");
    assert.equal(reactsAt(text, [beijing], false), true);
  });

  it("does not when it names the party in passing", () => {
    const china = text.indexOf("China");
    assert.equal(reactsAt(text, [china], false), false);
  });

  it("does when its heading names the party and a sentence tells of a reaction", () => {
    assert.equal(reactsAt("Its outlet urged Seoul to scrap the pact.", [], true), true);
    assert.equal(reactsAt("Its missile launches went on through the year.", [], true), false);
  });
});
