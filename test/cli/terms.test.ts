import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { makeKnowledgeDir } from "../support/knowledge.ts";
import { runCli } from "../support/spawn.ts";

const CHECK = "src/cli/check-knowledge.ts";

/** A term of six Korean words: more than a question's words are joined to find one. */
const VOCABULARY = `- terms:
    - press briefing
    - 정부 대변인 공식 입장 발표 요약

- terms:
    - Camp David
    - 캠프 데이비드
`;

describe("npm run check-knowledge on glossary and vocabulary terms", () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(() => Promise.all(cleanups.map((cleanup) => cleanup())));

  it("warns, at the term's line, about a term no question can find as written", async () => {
    const { dir, cleanup } = await makeKnowledgeDir({ "vocabulary.yaml": VOCABULARY });
    cleanups.push(cleanup);
    const { code, stdout } = await runCli(CHECK, ["--knowledge", dir]);
    assert.equal(code, 0, "a warning, not an error");
    assert.match(
      stdout,
      /^vocabulary\.yaml:3: warning: "정부 대변인 공식 입장 발표 요약" can never be found in a question: the search reads it as [^;]+; write it as members type it, in at most five words, or remove it$/m,
    );
    assert.doesNotMatch(stdout, /캠프 데이비드" can never/, "a term of two words is found");
  });
});
