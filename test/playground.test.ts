import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sayInPlayground } from "./support/spawn.ts";

describe("npm run playground", () => {
  it("answers /why-gsomia with the cited seed passage in --say mode, then presses a button and mentions the bot", async () => {
    const { code, stderr, replies } = await sayInPlayground([
      "/why-gsomia",
      "1",
      "@bot why did Seoul end the intelligence pact?",
    ]);
    assert.equal(code, 0, stderr);
    const [topic = "", press = "", mention = ""] = replies;
    assert.match(topic, /South Korea scraps intelligence sharing with Japan/);
    assert.match(topic, /not in the "national interest"/);
    assert.match(topic, /DW · 22 Aug 2019 · paragraph 3/);
    assert.match(topic, /Asked: Why did South Korea scrap the GSOMIA/);
    assert.match(topic, /Passage 1 of \d/);
    assert.match(topic, /\[Previous \(off\)\] +\[1: Next\]/);
    assert.match(press, /\(only you can see this\)/);
    assert.match(press, /Passage 2 of \d/);
    assert.match(mention, /national interest/);
  });

  it("lists /ask's autocomplete choices for what was typed, in English and Korean", async () => {
    const { code, stderr, replies } = await sayInPlayground(["?why did japan rem", "?지소"]);
    assert.equal(code, 0, stderr);
    const [english = "", korean = ""] = replies;
    assert.match(english, /^ {2}Why did Japan remove South Korea from its export white list\?$/m);
    assert.match(korean, /^ {2}What is 지소미아\?$/m);
  });

  it("says plainly when there is no confident answer", async () => {
    const { code, stdout, stderr } = await sayInPlayground([
      "/ask question: who won the world cup",
    ]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /No confident answer/);
  });

  it("shows the /knowledge add flow with an attached saved page, and Cancel", async () => {
    const { code, stderr, replies } = await sayInPlayground([
      "/knowledge add file: test/fixtures/test-wire-article.html",
      "2",
    ]);
    assert.equal(code, 0, stderr);
    const [preview = "", cancel = ""] = replies;
    assert.match(preview, /Testland tightens chemical export rules/);
    assert.match(preview, /Test Wire · 1 Jul 2019 · 4 paragraphs/);
    assert.match(preview, /\[1: Add it\] +\[2: Cancel\]/);
    assert.match(cancel, /Cancelled; nothing was changed/);
  });
});
