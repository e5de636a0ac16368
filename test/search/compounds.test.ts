import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { buildIndex } from "../../src/search/build.ts";
import { compoundParts } from "../../src/search/compounds.ts";
import { parseQuery } from "../../src/search/query.ts";
import { matchRanges, rankPassages } from "../../src/search/rank.ts";
import { article, makeKnowledgeDir } from "../support/knowledge.ts";

const VETERANS = "Veterans of the war marched through Harbourton on Sunday.";
const CLAIMS = "The port authority says all wartime claims were settled by a treaty in 1952.";
const STRIKE = "The strike was a setback for the port authority.";

const folder = await makeKnowledgeDir(
  {
    "test-wire-harbourton.md": article(
      {
        title: "Harbourton remembers",
        source: "Test Wire",
        url: "https://example.org/test-wire/harbourton-remembers",
        published: "2019-08-20",
      },
      [VETERANS, CLAIMS, STRIKE].join("\n\n"),
    ),
  },
  { base: "empty" },
);
after(folder.cleanup);
const { knowledge } = await loadKnowledge(folder.dir);
const index = buildIndex(knowledge);

function found(question: string): string[] {
  return rankPassages(index, parseQuery(index, question), 3).map((entry) => entry.passage.text);
}

describe("words joined into one", () => {
  it("splits a compound into the two words it joins", () => {
    assert.deepEqual(compoundParts("wartime"), ["war", "time"]);
    assert.deepEqual(compoundParts("postwar"), ["post", "war"]);
    assert.deepEqual(compoundParts("lawmakers"), ["law", "maker"]);
  });

  it("leaves whole a common word, a name, and a compound made with a particle", () => {
    for (const word of ["together", "season", "washington", "setback", "crackdown", "war"])
      assert.deepEqual(compoundParts(word), [], word);
  });

  it("finds a paragraph that has a question's word only inside a compound, and marks it", () => {
    assert.deepEqual(found("claims from the war").slice(0, 1), [CLAIMS]);
    const [first] = rankPassages(index, parseQuery(index, "war"), 3).filter(
      (entry) => entry.passage.text === CLAIMS,
    );
    assert.ok(first, "the paragraph with 'wartime' is found for 'war'");
    const marked = matchRanges(index, parseQuery(index, "war"), first.passage).map(([start, end]) =>
      CLAIMS.slice(start, end),
    );
    assert.deepEqual(marked, ["wartime"]);
  });

  it("does not find a setback for a member who asks who hit back", () => {
    assert.deepEqual(found("hit back"), []);
  });
});
