import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GlossaryMatcher } from "../../src/search/glossary.ts";
import { tokenize } from "../../src/search/text.ts";

const glossary = new GlossaryMatcher([
  { terms: ["United States", "US", "America"] },
  { terms: ["South Korea", "ROK", "한국"] },
  { terms: ["Camp David", "캠프 데이비드", "キャンプ・デービッド"] },
  { terms: ["trilateral", "3국"] },
  { terms: ["islands", "島々"] },
]);

function conceptsIn(text: string): string[] {
  return glossary.find(tokenize(text), text).map((hit) => glossary.labels[hit.concept] ?? "?");
}

/** The first term found in a text and its head, by their entries' labels. */
function termAndHead(terms: GlossaryMatcher, text: string): [string?, string?] {
  const tokens = tokenize(text);
  const [hit] = terms.find(tokens);
  const head = hit && terms.headOf(tokens, hit);
  return [hit && terms.labels[hit.concept], head && terms.labels[head.concept]];
}

describe("GlossaryMatcher", () => {
  it("finds the head of a long term, not its modifiers: a military information agreement is an agreement", () => {
    const terms = new GlossaryMatcher([
      { terms: ["GSOMIA", "military information agreement"] },
      { terms: ["agreement", "pact"] },
      { terms: ["military"] },
    ]);
    assert.deepEqual(
      termAndHead(terms, "The military information agreement was due to be renewed."),
      ["GSOMIA", "agreement"],
    );
  });

  it("finds the head of a long name before its 'of': a Ministry of Economy, Trade and Industry is a ministry", () => {
    const terms = new GlossaryMatcher([
      { terms: ["Ministry of Economy, Trade and Industry", "METI"] },
      { terms: ["ministry"] },
      { terms: ["trade"] },
    ]);
    assert.deepEqual(
      termAndHead(terms, "Japan's Ministry of Economy, Trade and Industry wrote on Twitter."),
      ["Ministry of Economy, Trade and Industry", "ministry"],
    );
    const general = new GlossaryMatcher([
      { terms: ["General Security of Military Information Agreement"] },
      { terms: ["general"] },
    ]);
    assert.deepEqual(
      termAndHead(general, "the General Security of Military Information Agreement"),
      ["General Security of Military Information Agreement", undefined],
      "no term ends at its 'of'",
    );
  });

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

  it("matches a Korean or Japanese term across the space or dot it is written with, as typed or not", () => {
    assert.deepEqual(conceptsIn("캠프 데이비드 회의에서"), ["Camp David"]);
    assert.deepEqual(conceptsIn("캠프데이비드에서"), ["Camp David"]);
    assert.deepEqual(conceptsIn("キャンプ・デービッドの首脳会談"), ["Camp David"]);
    const question = "회의는 캠프 데이비드에서 열렸다";
    const [hit] = glossary.find(tokenize(question), question);
    assert.equal(question.slice(hit?.start, hit?.end), "캠프 데이비드에서");
  });

  it("matches a term that mixes a number with Korean or Japanese, only where a word starts", () => {
    assert.deepEqual(conceptsIn("3국 정상회의"), ["trilateral"]);
    assert.deepEqual(conceptsIn("제3국 경유"), []);
    assert.deepEqual(conceptsIn("島々の領有権"), ["islands"]);
  });

  it("finds no term across a word break where the term has none", () => {
    assert.deepEqual(conceptsIn("대한 국제 사회"), []);
    assert.deepEqual(conceptsIn("캠프에서 데이비드를"), []);
    assert.deepEqual(conceptsIn("캠프, 데이비드"), []);
    assert.deepEqual(conceptsIn("캠프/데이비드"), []);
  });
});
