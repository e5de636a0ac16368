import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SEED_DOCUMENT } from "../support/knowledge.ts";
import { checkKnowledgeWith } from "../support/spawn.ts";

const QUESTION = "Which 1965 treaty does Japan say settled the wartime compensation issue?";

/**
 * Two topics asking the same question, one pinning the paragraph that answers it and one not, and
 * a third whose pin answers its question although the fact sheets' paragraphs rank above it.
 */
const TOPICS = `# A pin that answers its question, one that answers another, one among several answers.

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

- name: why-gsomia
  description: Why South Korea scrapped the GSOMIA intelligence-sharing pact with Japan
  question: Why did Seoul scrap GSOMIA?
  pin:
    document: ${SEED_DOCUMENT}
    contains: not in the "national interest"
`;

describe("npm run check-knowledge on topic pins", () => {
  it("warns, at the topic's line, when the pin does not answer the topic's own question", async () => {
    const { code, stdout } = await checkKnowledgeWith({ "topics.yaml": TOPICS });
    assert.equal(code, 0, "a warning, not an error");
    assert.match(
      stdout,
      /^topics\.yaml:10: warning: \/us-role's pin \(dw-2019-08-22-south-korea-scraps-intelligence-sharing, paragraph \d+\) does not answer its question "Which 1965 treaty[^"]*" as the engine reads them: asked without the pin, the engine's confidence in that paragraph is 0\.\d\d, under this folder's bar of 0\.\d\d; pin the paragraph that answers the question, or reword the question in the words of the pin$/m,
    );
    assert.doesNotMatch(stdout, /treaty-1965's pin/, "the pin that answers its question passes");
    assert.match(stdout, /^OK: .* \(1 warning\)$/m);
  });

  it("passes a pin that answers its question while other paragraphs rank above it", async () => {
    const { stdout } = await checkKnowledgeWith({ "topics.yaml": TOPICS });
    // Asked freely, the question ranks other GSOMIA paragraphs above the deputy director's.
    assert.doesNotMatch(stdout, /why-gsomia/, stdout);
  });
});
