import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { loadBotConfig } from "../../src/config.ts";
import { createBot } from "../../src/discord/bot.ts";
import { createLogger } from "../../src/log.ts";
import { member } from "../../src/playground/fake-discord.ts";
import { KnowledgeStore } from "../../src/store.ts";
import { type Running, startBot, TEST_TOKEN } from "../support/bot.ts";
import { V1_KNOWLEDGE } from "../support/knowledge.ts";

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

type Embed = { title?: string; description?: string; url?: string; footer?: { text: string } };
type Body = {
  type?: number;
  data?: {
    embeds?: Embed[];
    components?: {
      components: { custom_id?: string; url?: string; disabled?: boolean; label: string }[];
    }[];
    choices?: { name: string; value: string }[];
    flags?: number;
    content?: string;
    allowed_mentions?: { parse: string[] };
  };
};
const EPHEMERAL = 64;

async function firstResponse(running: Running, id: string): Promise<Body> {
  const [response] = await running.fake.waitFor(
    () => running.fake.responsesTo(id).length > 0 && running.fake.responsesTo(id),
  );
  return (response?.body ?? {}) as Body;
}

describe("what members see", () => {
  let running: Running;
  before(async () => {
    running = await startBot();
  });
  after(() => running.stop());

  it("/ask answers free text with the cited passage and buttons", async () => {
    const body = await firstResponse(
      running,
      running.fake.slash("ask", [
        { name: "question", type: 3, value: "why did japan remove korea from the white list?" },
      ]),
    );
    const embed = body.data?.embeds?.[0];
    assert.match(embed?.description ?? "", /\*\*white list\*\*/);
    assert.equal(
      embed?.url,
      "https://www.dw.com/en/south-korea-scraps-intelligence-sharing-with-japan/a-50123883",
    );
    const labels = (body.data?.components ?? []).map((row) =>
      row.components.map((button) => button.label),
    );
    assert.deepEqual(labels[0], ["Previous", "Next", "Read the source"]);
    assert.equal(labels[1]?.at(-1), "Not helpful");
    assert.deepEqual(body.data?.allowed_mentions?.parse, []);
  });

  it("/ask says plainly when it has no confident answer", async () => {
    const body = await firstResponse(
      running,
      running.fake.slash("ask", [{ name: "question", type: 3, value: "who won the world cup" }]),
    );
    assert.equal(body.data?.embeds?.[0]?.title, "No confident answer");
    assert.match(body.data?.embeds?.[0]?.description ?? "", /no confident answer/);
  });

  it("answers /ask in a DM, where only global commands exist", async () => {
    const body = await firstResponse(
      running,
      running.fake.dmSlash("ask", [
        { name: "question", type: 3, value: "why did Seoul end the intelligence pact?" },
      ]),
    );
    assert.match(body.data?.embeds?.[0]?.description ?? "", /national interest/);
    assert.throws(() => running.fake.dmSlash("reload"), /Discord shows no \/reload in DMs/);
  });

  it("autocompletes /ask with up to 25 choices of 1–100 characters", async () => {
    const body = await firstResponse(running, running.fake.autocomplete("ask", "question", "gsom"));
    assert.equal(body.type, 8);
    const choices = body.data?.choices ?? [];
    assert.ok(choices.length >= 1 && choices.length <= 25);
    assert.ok(choices.every((choice) => choice.name.length >= 1 && choice.name.length <= 100));
    const empty = await firstResponse(running, running.fake.autocomplete("ask", "question", ""));
    assert.ok(
      (empty.data?.choices ?? []).some((choice) => /GSOMIA/.test(choice.name)),
      "the topics' questions when nothing is typed",
    );
  });

  it("/sources lists the documents with links; /help lists the topics", async () => {
    const sources = await firstResponse(running, running.fake.slash("sources"));
    assert.match(
      sources.data?.embeds?.[0]?.description ?? "",
      /\[South Korea scraps intelligence sharing with Japan\]\(https:\/\/www\.dw\.com/,
    );
    const help = await firstResponse(running, running.fake.slash("help"));
    assert.match(help.data?.embeds?.[0]?.description ?? "", /<\/why-gsomia:\d+>/);
  });

  it("answers a mention in a reply, and a bare mention with help", async () => {
    const { fake } = running;
    const asked = fake.say(`<@${"900000000000000001"}> why did Seoul end the intelligence pact?`, {
      mentionsBot: true,
    });
    const answer = await fake.waitFor(() =>
      fake.responses.find(
        (response) =>
          response.kind === "channel-message" &&
          (response.body.message_reference as { message_id?: string } | undefined)?.message_id ===
            asked,
      ),
    );
    assert.match((answer.body.embeds as Embed[])[0]?.description ?? "", /national interest/);
    assert.deepEqual(answer.body.allowed_mentions, { parse: [], replied_user: false });
    const bare = fake.say("<@900000000000000001>", { mentionsBot: true });
    const help = await fake.waitFor(() =>
      fake.responses.find(
        (response) =>
          (response.body.message_reference as { message_id?: string } | undefined)?.message_id ===
          bare,
      ),
    );
    assert.match((help.body.embeds as Embed[])[0]?.title ?? "", /Ask me/);
  });

  it("ignores other bots and messages that do not mention it", async () => {
    const { fake } = running;
    const before = fake.responses.length;
    fake.say("<@900000000000000001> gsomia", {
      mentionsBot: true,
      author: {
        id: "800000000000000777",
        username: "otherbot",
        discriminator: "0",
        global_name: null,
        avatar: null,
        bot: true,
      },
    });
    fake.say("what is gsomia", {});
    // A positive event after them: once this is answered, the bot has read both before it.
    const later = fake.say("<@900000000000000001> what is gsomia?", { mentionsBot: true });
    await fake.waitFor(() =>
      fake.responses.some(
        (response) =>
          (response.body.message_reference as { message_id?: string } | undefined)?.message_id ===
          later,
      ),
    );
    assert.equal(fake.responses.length, before + 1, "only the member's mention is answered");
  });

  it("shows other passages privately, to the asker and to anyone else", async () => {
    const { fake } = running;
    const id = fake.slash("ask", [{ name: "question", type: 3, value: "white list" }]);
    const first = await firstResponse(running, id);
    const another = first.data?.components?.[0]?.components[1]?.custom_id ?? "";
    const message = fake.message(`original-${id}`) ?? {};
    const pressed = await firstResponse(running, fake.press(another, message));
    assert.equal(pressed.type, 4, "the asker's press answers privately");
    assert.equal(pressed.data?.flags, EPHEMERAL);
    assert.match(pressed.data?.embeds?.[0]?.description ?? "", /Passage 2 of/);
    assert.notEqual(pressed.data?.embeds?.[0]?.description, first.data?.embeds?.[0]?.description);
    const stranger = await firstResponse(
      running,
      fake.press(another, message, member("800000000000000555")),
    );
    assert.equal(stranger.type, 4);
    assert.equal(stranger.data?.flags, EPHEMERAL);
  });

  it("keeps @everyone inert in a question full of markdown, mentions and custom emoji, and still answers it", async () => {
    const body = await firstResponse(
      running,
      running.fake.slash("ask", [
        {
          name: "question",
          type: 3,
          value:
            "@everyone **why** did Seoul end `gsomia` <@&123> <:pepe_hmm:123456789012345678> <#42>",
        },
      ]),
    );
    assert.deepEqual(body.data?.allowed_mentions?.parse, []);
    assert.match(
      body.data?.embeds?.[0]?.description ?? "",
      /\*\*military information agreement\*\*|national interest/,
      "the markup around the words does not keep the bot from the GSOMIA passage",
    );
    assert.deepEqual(running.fake.rejected, []);
  });

  it("logs one structured line per interaction, with its latency and outcome", () => {
    const lines = running.logs.map(
      (line) => JSON.parse(line) as { message: string; outcome?: string; ms?: number },
    );
    const interactions = lines.filter((line) => line.message === "interaction");
    assert.ok(interactions.length >= 5);
    assert.ok(
      interactions.every((line) => typeof line.ms === "number" && typeof line.outcome === "string"),
    );
  });

  it("acknowledged every interaction it was sent within Discord's 3 seconds", () => {
    assert.deepEqual(running.fake.unacknowledged, []);
  });

  it("resumes after the gateway drops, and keeps answering", async () => {
    const { fake } = running;
    fake.dropConnection();
    await fake.waitFor(() => fake.resumes >= 1, 10_000);
    const body = await firstResponse(running, fake.slash("treaty-1965"));
    assert.match(body.data?.embeds?.[0]?.description ?? "", /1965/);
    assert.equal(fake.identifies, 1, "resumed, not a new session");
  });

  it("retries a REST 429 after Retry-After", async () => {
    const { fake } = running;
    fake.rateLimitNext("POST", /\/interactions\/\d+\/[^/]+\/callback$/, 1, 0.3);
    const id = fake.slash("us-role");
    const body = await firstResponse(running, id);
    assert.match(body.data?.embeds?.[0]?.description ?? "", /setback to/);
  });
});

describe("every topic command", () => {
  let running: Running;
  before(async () => {
    running = await startBot();
  });
  after(() => running.stop());

  it("answers each shipped topic with a cited passage", async () => {
    const topics = running.bot.context.store.engine.topics;
    assert.ok(topics.length >= 5);
    for (const topic of topics) {
      const body = await firstResponse(running, running.fake.slash(topic.name));
      const embed = body.data?.embeds?.[0];
      assert.ok((embed?.description ?? "").length > 40, topic.name);
      assert.match(embed?.footer?.text ?? "", /· paragraph \d+$/, topic.name);
    }
  });
});

describe("the token", () => {
  it("never reaches a log line, even in an error from Discord that quotes it", async () => {
    const running = await startBot({
      beforeStart: (fake) => fake.refuseNext("PUT", /\/commands$/, 1, { quoteToken: true }),
    });
    try {
      const failure = running.logs.find((line) => line.includes("command registration failed"));
      assert.ok(failure, "the registration failed, with the token in Discord's message");
      assert.match(failure, /Missing Permissions for Bot \[redacted\]/);
      for (const line of running.logs) assert.ok(!line.includes(TEST_TOKEN), line);
    } finally {
      await running.stop();
    }
  });
});

describe("command registration", () => {
  it("does not register again at start when Discord already has the same commands", async () => {
    const running = await startBot();
    try {
      // The public commands globally, /reload in ADMIN_GUILD_ID.
      assert.equal(running.fake.commandPuts, 2);
      const config = loadBotConfig({
        DISCORD_TOKEN: TEST_TOKEN,
        DISCORD_API_URL: running.fake.apiUrl,
        KNOWLEDGE_DIR: V1_KNOWLEDGE,
        LOG_LEVEL: "silent",
        DATA_DIR: running.bot.context.config.dataDir,
      });
      const { store } = await KnowledgeStore.open(config.knowledgeDir);
      const second = createBot({ config, store, logger: createLogger("silent") });
      await second.start();
      await second.stop();
      assert.equal(
        running.fake.commandPuts,
        2,
        "a restart with the same commands does not use up Discord's daily creates",
      );
    } finally {
      await running.stop();
    }
  });
});
