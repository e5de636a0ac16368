import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import {
  APP_ID,
  CHANNEL_ID,
  HIDDEN_CHANNEL_ID,
  member,
  NO_EMBEDS_CHANNEL_ID,
  READ_ONLY_CHANNEL_ID,
  THREAD_ID,
} from "../../src/playground/fake-discord.ts";
import { type Running, startBot } from "../support/bot.ts";

const QUESTION = `<@${APP_ID}> why did Seoul end the intelligence pact?`;

type Reference = { message_id?: string } | undefined;

/** The bot's message that replies to `asked`, or any it posted after `since` in that channel. */
function postedFor(running: Running, asked: string) {
  return running.fake.responses.find(
    (response) =>
      response.kind === "channel-message" &&
      (response.body.message_reference as Reference)?.message_id === asked,
  );
}

async function answerTo(running: Running, asked: string) {
  return running.fake.waitFor(() => postedFor(running, asked));
}

async function mentionOutcomes(running: Running): Promise<string> {
  return running.bot.context.metrics.registry.metrics();
}

describe("a mention where the bot lacks a permission", () => {
  let running: Running;
  before(async () => {
    running = await startBot();
  });
  after(() => running.stop());

  it("answers as plain text, quote and citation, where it may not embed links", async () => {
    const asked = running.fake.say(QUESTION, {
      mentionsBot: true,
      channelId: NO_EMBEDS_CHANNEL_ID,
    });
    const answer = await answerTo(running, asked);
    assert.equal(answer.body.embeds, undefined);
    const content = String(answer.body.content);
    assert.match(content, /national interest/);
    assert.match(content, /— DW · 22 Aug 2019 · paragraph \d+/);
    assert.match(content, /<https:\/\/www\.dw\.com\//);
    assert.deepEqual(running.fake.rejected, []);
  });

  it("stays silent where it may not send, and counts it, without a refused request", async () => {
    const before = running.fake.responses.length;
    running.fake.say(QUESTION, { mentionsBot: true, channelId: READ_ONLY_CHANNEL_ID });
    running.fake.say(QUESTION, { mentionsBot: true, channelId: HIDDEN_CHANNEL_ID });
    // A positive event after them: the bot has read both mentions by the time it answers this.
    const later = running.fake.say(QUESTION, { mentionsBot: true });
    await answerTo(running, later);
    assert.equal(running.fake.responses.length, before + 1, "only the later mention is answered");
    assert.deepEqual(running.fake.rejected, [], "no 403 was spent");
    assert.match(
      await mentionOutcomes(running),
      /dispute_bot_mentions_total\{outcome="silent"\} 2/,
    );
  });

  it("answers in a thread, and a mention of its role like a mention of itself", async () => {
    const inThread = running.fake.say(QUESTION, { mentionsBot: true, channelId: THREAD_ID });
    const answer = await answerTo(running, inThread);
    assert.match(JSON.stringify(answer.body.embeds), /national interest/);
    const byRole = running.fake.say("<@&900000000000000006> why did Seoul end GSOMIA?", {
      mentionsBotRole: true,
    });
    const roleAnswer = await answerTo(running, byRole);
    assert.match(JSON.stringify(roleAnswer.body.embeds), /national interest/);
  });
});

describe("a channel that keeps refusing the bot", () => {
  it("stops sending there after a few refusals and says so once in the log", async () => {
    const running = await startBot();
    try {
      const { fake } = running;
      const posts = /^\/channels\/\d+\/messages$/;
      fake.refuseNext("POST", posts, 100);
      const handled = () => running.logs.filter((line) => line.includes('"message":"mention"'));
      const asked: string[] = [];
      for (let index = 0; index < 8; index++) {
        asked.push(
          fake.say(QUESTION, {
            mentionsBot: true,
            author: member(`80000000000000010${index}`).user,
          }),
        );
        await fake.waitFor(() => handled().length === index + 1);
      }
      const refused = fake.rejected.filter(
        (rejection) =>
          rejection.status === 403 && rejection.path === `/channels/${CHANNEL_ID}/messages`,
      );
      assert.equal(refused.length, 5, "five refusals, then the bot stopped asking");
      assert.equal(
        running.logs.filter((line) => line.includes("stopped sending after repeated")).length,
        1,
      );
      assert.ok(asked.every((id) => !postedFor(running, id)));
      assert.match(
        await mentionOutcomes(running),
        /dispute_bot_discord_refusals_total\{status="403"\} 5/,
      );
    } finally {
      await running.stop();
    }
  });
});
