import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GlossaryMatcher } from "../../src/search/glossary.ts";
import { tokenize } from "../../src/search/text.ts";

const glossary = new GlossaryMatcher([
  { terms: ["United States", "US", "America"] },
  { terms: ["South Korea", "ROK", "한국"] },
]);

function conceptsIn(text: string): string[] {
  return glossary.find(tokenize(text)).map((hit) => glossary.labels[hit.concept] ?? "?");
}

describe("GlossaryMatcher", () => {
  it("reads a short capital term that is also an English word only as written, or after 'the'", () => {
    assert.deepEqual(conceptsIn("can you tell us about it"), []);
    assert.deepEqual(conceptsIn("what did the US say"), ["United States"]);
    assert.deepEqual(conceptsIn("did the us send anyone"), ["United States"]);
  });

  it("reads a short capital term that is no English word in any case", () => {
    assert.deepEqual(conceptsIn("why did rok end the pact"), ["South Korea"]);
  });

  it("matches multi-word terms by their stems and Korean terms inside a longer word", () => {
    assert.deepEqual(conceptsIn("why did south korea's government and america fall out"), [
      "South Korea",
      "United States",
    ]);
    assert.deepEqual(conceptsIn("한국은"), ["South Korea"]);
  });
});
