import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { QuotedPassage } from "../../src/answer.ts";
import { CACHE_LIMITS } from "../../src/discord/caches.ts";
import { AnswerSessions, MAX_ANSWER_SESSIONS } from "../../src/discord/sessions.ts";
import { APP_ID, GUILD_ID, member } from "../../src/playground/fake-discord.ts";
import { startBot } from "../support/bot.ts";

const MEMBERS = 5000;
const MESSAGES = 20_000;

describe("memory after a busy day", () => {
  it("keeps at most the stated users, members and messages after 20,000 messages from 5,000 members", async () => {
    const running = await startBot();
    try {
      const { fake, bot } = running;
      for (let index = 0; index < MESSAGES; index++) {
        const author = member(`8000000000${String(index % MEMBERS).padStart(8, "0")}`).user;
        fake.say(`message ${index} about the export controls`, { author });
      }
      // A positive event after them all: the bot has read every message once it answers this.
      const last = fake.say(`<@${APP_ID}> why did Seoul end GSOMIA?`, { mentionsBot: true });
      await fake.waitFor(
        () =>
          fake.responses.some(
            (response) =>
              (response.body.message_reference as { message_id?: string } | undefined)
                ?.message_id === last,
          ),
        30_000,
      );
      const { client } = bot;
      const guild = client.guilds.cache.get(GUILD_ID);
      assert.ok(
        client.users.cache.size <= CACHE_LIMITS.users + 1,
        `${client.users.cache.size} users`,
      );
      assert.ok(
        (guild?.members.cache.size ?? 0) <= CACHE_LIMITS.members + 1,
        `${guild?.members.cache.size} members`,
      );
      assert.ok(guild?.members.me, "the bot's own member stays, for its permissions");
      const messages = guild?.channels.cache.reduce(
        (sum, channel) => sum + ("messages" in channel ? channel.messages.cache.size : 0),
        0,
      );
      assert.equal(messages, 0, "no message is kept");
    } finally {
      await running.stop();
    }
  });

  it("keeps at most 5,000 answers' buttons after 20,000 answers, switching the oldest off", async () => {
    const passage = { text: "x".repeat(400), title: "t" } as unknown as QuotedPassage;
    const switchedOff: string[] = [];
    const sessions = new AnswerSessions(600_000);
    const ids: string[] = [];
    for (let index = 0; index < MESSAGES; index++) {
      ids.push(
        sessions.create(`member-${index % MEMBERS}`, [passage, passage], async (session) => {
          switchedOff.push(session.id);
        }),
      );
    }
    assert.equal(sessions.size, MAX_ANSWER_SESSIONS);
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(switchedOff.length, MESSAGES - MAX_ANSWER_SESSIONS);
    assert.equal(sessions.get(ids[0] ?? ""), undefined, "the oldest answer's buttons expired");
    assert.ok(sessions.get(ids.at(-1) ?? ""), "the newest still page");
    await sessions.endAll();
    assert.equal(switchedOff.length, MESSAGES, "every button is switched off on shutdown");
  });
});
