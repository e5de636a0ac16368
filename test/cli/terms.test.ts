import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkKnowledgeWith } from "../support/spawn.ts";

/** Terms of six and seven Korean words: more than a question's words are joined to find one. */
const VOCABULARY = `- terms:
    - press briefing
    - 정부 대변인 공식 입장 발표 요약

- terms:
    - Camp David
    - 캠프 데이비드

- terms: [news conference, "기자 회견 공식 발표 내용 전체 요약"]
`;

describe("npm run check-knowledge on glossary and vocabulary terms", () => {
  it("warns, at the term's line, about a term no question can find as written", async () => {
    const { code, stdout } = await checkKnowledgeWith({ "vocabulary.yaml": VOCABULARY });
    assert.equal(code, 0, "a warning, not an error");
    assert.match(
      stdout,
      /^vocabulary\.yaml:3: warning: "정부 대변인 공식 입장 발표 요약" can never be found in a question: the search reads it as [^;]+; write it as members type it, in at most five words, or remove it$/m,
    );
    assert.match(
      stdout,
      /^vocabulary\.yaml:9: warning: "기자 회견 공식 발표 내용 전체 요약" can never be found/m,
      "a term in a flow list, quoted, is placed at its line too",
    );
    assert.doesNotMatch(stdout, /캠프 데이비드" can never/, "a term of two words is found");
  });
});
