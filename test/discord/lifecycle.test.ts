import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { QuotedPassage } from "../../src/answer.ts";
import { passageEmbed } from "../../src/discord/render.ts";
import { member, validateMessage } from "../../src/playground/fake-discord.ts";
import { type Running, startBot } from "../support/bot.ts";
import { embedCharacters } from "../support/payloads.ts";
import { runCli } from "../support/spawn.ts";

type Logged = { message: string; command?: string; outcome?: string; ms?: number };

function interactionLines(running: Running): Logged[] {
  return running.logs
    .map((line) => JSON.parse(line) as Logged)
    .filter((line) => line.message === "interaction");
}

describe("an interaction's time", () => {
  it("times the answer from the interaction's creation, and leaves one past the deadline unanswered", async () => {
    const running = await startBot();
    try {
      const { fake } = running;
      const late = fake.slash(
        "why-gsomia",
        [],
        member("800000000000000001"),
        undefined,
        undefined,
        4000,
      );
      const slow = fake.slash(
        "treaty-1965",
        [],
        member("800000000000000002"),
        undefined,
        undefined,
        1500,
      );
      await fake.waitFor(() => fake.responsesTo(slow).length > 0);
      await fake.waitFor(() => interactionLines(running).length >= 2);
      assert.deepEqual(fake.responsesTo(late), [], "Discord would refuse an answer after 3 s");
      assert.deepEqual(fake.rejected, []);
      const [lateLine, slowLine] = [
        interactionLines(running).find((line) => line.outcome === "late"),
        interactionLines(running).find((line) => line.command === "treaty-1965"),
      ];
      assert.ok((lateLine?.ms ?? 0) >= 4000, `late: ${JSON.stringify(lateLine)}`);
      assert.ok((slowLine?.ms ?? 0) >= 1500, `the 1.5 s in transit count: ${slowLine?.ms} ms`);
    } finally {
      await running.stop();
    }
  });
});

describe("shutting down", () => {
  it("switches off the buttons of answers that could still page", async () => {
    const running = await startBot();
    const { fake } = running;
    try {
      const id = fake.slash("ask", [{ name: "question", type: 3, value: "white list" }]);
      await fake.waitFor(() => fake.responsesTo(id).length > 0);
      await running.bot.stop();
      const edit = fake.responsesTo(id).find((response) => response.kind === "edit-original");
      const buttons = (
        edit?.body.components as { components: { disabled?: boolean; url?: string }[] }[]
      )?.[0]?.components;
      assert.equal(buttons?.[0]?.disabled, true, "Another passage is off");
      assert.ok(
        buttons?.some((button) => button.url),
        "Read the source still opens",
      );
    } finally {
      await fake.close();
    }
  });
});

describe("a rejection nobody handled", () => {
  it("is logged, and the process keeps running", async () => {
    const { code, stdout, stderr } = await runCli("test/fixtures/unhandled-rejection.ts", []);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /still answering/);
    assert.match(stderr, /"message":"unhandled rejection".*a reply failed and nobody caught it/);
  });
});

describe("an embed from any knowledge file", () => {
  it("stays within Discord's 6,000 characters however long the source, title and paragraph", () => {
    const passage: QuotedPassage = {
      text: "The ministry said the export review would continue. ".repeat(120),
      title: "T".repeat(400),
      source: "A very long source name ".repeat(250),
      url: "https://example.org/long",
      published: "2019-08-22",
      document: "long",
      paragraph: 1,
      line: 1,
      heading: undefined,
      confidence: 1,
      ranges: [[4, 12]],
      kind: "article",
      references: [],
    };
    const embed = passageEmbed(passage, {
      note: "Passage 2 of 5",
      asked: "Q".repeat(400),
      previews: [passage, passage],
    });
    const total = embedCharacters(embed);
    assert.ok(total <= 6000, `${total} characters`);
    assert.equal(validateMessage({ embeds: [embed] }), undefined);
    assert.match(embed.footer?.text ?? "", /^A very long source name/);
    assert.match(embed.description ?? "", /Passage 2 of 5/);
  });
});
