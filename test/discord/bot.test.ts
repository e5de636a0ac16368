import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type Running, startBot } from "../support/bot.ts";
import { member } from "../support/fake-discord.ts";

describe("the bot against a loopback Discord", () => {
  let running: Running;
  before(async () => {
    running = await startBot();
  });
  after(() => running.stop());

  it("logs in and registers the built-in and topic commands", () => {
    const names = [...running.fake.commands.values()].flat().map((command) => command.name);
    for (const name of [
      "ask",
      "sources",
      "help",
      "reload",
      "why-gsomia",
      "whitelist",
      "forced-labour",
      "treaty-1965",
      "us-role",
    ]) {
      assert.ok(names.includes(name), name);
    }
  });

  it("answers /why-gsomia with the cited seed passage", async () => {
    const { fake } = running;
    const id = fake.slash("why-gsomia");
    const [response] = await fake.waitFor(
      () => fake.responsesTo(id).length > 0 && fake.responsesTo(id),
    );
    const data = (response?.body.data ?? {}) as {
      embeds: { description: string; title: string; url: string; footer: { text: string } }[];
    };
    const embed = data.embeds[0];
    assert.match(embed?.description ?? "", /not in the "national interest"/);
    assert.equal(embed?.title, "South Korea scraps intelligence sharing with Japan");
    assert.equal(embed?.footer.text, "DW · 22 Aug 2019 · paragraph 3");
  });
});
