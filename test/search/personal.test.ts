import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { asksAboutOwnAffairs } from "../../src/search/personal.ts";

describe("a question about the member's own affairs", () => {
  it("is read in the sentence that asks", () => {
    for (const question of [
      "is it legal for my employer to cut my pay without notice?",
      "can my landlord keep the deposit if i cancel the lease early",
      "Quick one. Does my car insurance renew automatically if I don't cancel it?",
    ]) {
      assert.equal(asksAboutOwnAffairs(question), true, question);
    }
  });

  it("is not a claim brought in to be checked, context around the question, or words about the asking", () => {
    for (const question of [
      "my dad says japan never paid, is that true?",
      "My friend who follows the news says Seoul never left the pact. Is that right?",
      "My cousin lives in Osaka. Why did Japan remove Korea from the white list?",
      "to my knowledge the treaty settled it, so why are the courts ordering payment?",
      "oh my, did Seoul really end the pact?",
      "why did seoul end the pact",
    ]) {
      assert.equal(asksAboutOwnAffairs(question), false, question);
    }
  });
});
