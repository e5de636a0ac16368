import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SEED_DOCUMENT } from "../support/knowledge.ts";
import { checkKnowledgeWith } from "../support/spawn.ts";

const QUESTION = "Which 1965 treaty does Japan say settled the wartime compensation issue?";

/** Two topics asking the same question: one pins the paragraph that answers it, one does not. */
const TOPICS = `# A pin that answers its question, and one that answers another.

- name: treaty-1965
  description: The 1965 treaty that Japan says settled wartime claims
  question: ${QUESTION}
  pin:
    document: ${SEED_DOCUMENT}
    contains: settled by a 1965 treaty

- name: us-role
  description: What the dispute means for the United States
  question: ${QUESTION}
  pin:
    document: ${SEED_DOCUMENT}
    contains: setback to US efforts
`;

describe("npm run check-knowledge on topic pins", () => {
  it("warns, at the topic's line, when its own question does not rank its pin in the top 3", async () => {
    const { code, stdout } = await checkKnowledgeWith({ "topics.yaml": TOPICS });
    assert.equal(code, 0, "a warning, not an error");
    assert.match(
      stdout,
      /^topics\.yaml:10: warning: \/us-role's question does not rank its pin \(dw-2019-08-22-south-korea-scraps-intelligence-sharing, paragraph \d+\) in the engine's top 3; pin the paragraph that answers "Which 1965 treaty/m,
    );
    assert.doesNotMatch(
      stdout,
      /treaty-1965's question/,
      "the pin that answers its question passes",
    );
    assert.match(stdout, /^OK: .* \(1 warning\)$/m);
  });
});
