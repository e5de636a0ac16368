import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { withoutDiscordMarkup } from "../../src/discord/markup.ts";
import { questionIn } from "../../src/discord/mentions.ts";

describe("a question's Discord markup", () => {
  it("drops mentions, custom emoji, channel and command mentions and emoji shortcodes", () => {
    assert.equal(
      withoutDiscordMarkup(
        "<:pepe_think:123456789012345678> <@123> <@!456> <@&789> why did <#42> korea end gsomia </ask:987> <a:wave:5> :thinking:",
      ),
      "why did korea end gsomia",
    );
    assert.equal(
      questionIn("<@900000000000000001> why did korea end gsomia <:hmm:1>"),
      "why did korea end gsomia",
    );
  });

  it("writes a timestamp as its date, which the engine reads as one", () => {
    assert.equal(
      withoutDiscordMarkup("what happened on <t:1566432000:D>?"),
      "what happened on 22 August 2019 ?",
    );
    assert.equal(withoutDiscordMarkup("and <t:1566432000>"), "and 22 August 2019");
  });

  it("leaves times, ratios and colons in words alone", () => {
    for (const text of [
      "talks at 10:30:00 in Seoul",
      "a 3:2 vote",
      "what is c++:",
      "std::string",
    ]) {
      assert.equal(withoutDiscordMarkup(text), text);
    }
  });
});
