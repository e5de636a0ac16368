import assert from "node:assert/strict";
import { type ChildProcess, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { loadBotConfig } from "../../src/config.ts";
import {
  FakeDiscord,
  GUILD_ID,
  member,
  OWNER_ID,
  SECOND_GUILD_ID,
  shardOf,
} from "../../src/playground/fake-discord.ts";
import { startBot, TEST_TOKEN } from "../support/bot.ts";
import { makeKnowledgeDir } from "../support/knowledge.ts";
import { freePort } from "../support/net.ts";
import { type BotProcess, startBotProcess } from "../support/spawn.ts";

/** The shard process the manager spawned for `shard`, found by the SHARDS variable it was given. */
function shardProcess(managerPid: number, shard: number): number | undefined {
  const children = execFileSync("pgrep", ["-P", String(managerPid)], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map(Number);
  return children.find((pid) => {
    try {
      return readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`SHARDS=${shard}`);
    } catch {
      return false;
    }
  });
}

type Body = {
  type?: number;
  data?: { embeds?: { description?: string }[]; content?: string };
  content?: string;
};

describe("two shards under the ShardingManager (SHARD_COUNT=2)", { timeout: 120_000 }, () => {
  let fake: FakeDiscord;
  let manager: ChildProcess;
  let cleanup: () => Promise<void>;
  let health: string;
  let bot: BotProcess;

  before(async () => {
    assert.notEqual(
      shardOf(GUILD_ID, 2),
      shardOf(SECOND_GUILD_ID, 2),
      "the two servers live on different shards",
    );
    fake = await FakeDiscord.start({ guilds: [GUILD_ID, SECOND_GUILD_ID] });
    const knowledge = await makeKnowledgeDir({});
    cleanup = knowledge.cleanup;
    const port = await freePort();
    health = `http://127.0.0.1:${port}`;
    bot = startBotProcess({
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      SHARD_COUNT: "2",
      HEALTH_PORT: String(port),
      KNOWLEDGE_DIR: knowledge.dir,
      COOLDOWN_SECONDS: "0",
      ADMIN_GUILD_ID: SECOND_GUILD_ID,
    });
    manager = bot.child;
    await fake
      .waitFor(() => fake.connectedShards.length === 2 && fake.commands.size > 0, 60_000)
      .catch((error) => {
        throw new Error(`${error}\n${bot.output()}`);
      });
  });

  after(async () => {
    manager.kill("SIGTERM");
    await new Promise((resolve) => manager.once("exit", resolve));
    await fake.close();
    await cleanup();
  });

  const answer = async (id: string, count = 1, timeoutMs = 20_000) =>
    fake.waitFor(
      () =>
        fake.responsesTo(id).length >= count &&
        fake.responsesTo(id).map((response) => response.body as Body),
      timeoutMs,
    );

  it("connects each shard with its own IDENTIFY and answers a topic command on each", async () => {
    assert.deepEqual(fake.connectedShards.map(([id, count]) => `${id}/${count}`).sort(), [
      "0/2",
      "1/2",
    ]);
    for (const guild of [GUILD_ID, SECOND_GUILD_ID]) {
      const [body] = await answer(
        fake.slash("why-gsomia", [], member("800000000000000001"), guild),
      );
      assert.match(
        body?.data?.embeds?.[0]?.description ?? "",
        /national interest/,
        `answered in ${guild}`,
      );
    }
  });

  it("reloads every shard from /reload on one of them, and sums up each shard", async () => {
    const [, edit] = await answer(fake.slash("reload", [], member(OWNER_ID), SECOND_GUILD_ID), 2);
    assert.match(edit?.content ?? "", /All 2 shards reloaded/);
    assert.match(edit?.content ?? "", /Shard 0: reloaded/);
    assert.match(edit?.content ?? "", /Shard 1: reloaded/);
  });

  it("answers /healthz for all shards and aggregates /metrics", async () => {
    const response = await fetch(`${health}/healthz`);
    assert.equal(response.status, 200, await response.clone().text());
    const metrics = await (await fetch(`${health}/metrics`)).text();
    assert.match(
      metrics,
      /dispute_bot_interactions_total\{command="why-gsomia",outcome="answered"\} 2/,
    );
  });

  it("reloads every shard on SIGHUP to the manager", async () => {
    const before = bot.output().match(/"reason":"SIGHUP"/g)?.length ?? 0;
    manager.kill("SIGHUP");
    await fake.waitFor(
      () =>
        (bot.output().match(/"message":"knowledge reloaded","reason":"SIGHUP"/g)?.length ?? 0) >=
        before + 2,
      20_000,
    );
    await fake.waitFor(
      () =>
        /"message":"reload on every shard","results":\[\{"shard":0,"ok":true\},\{"shard":1,"ok":true\}\]/.test(
          bot.output(),
        ),
      20_000,
    );
  });

  it("names a shard that does not answer, which keeps its old index", async () => {
    const stuck = shardProcess(manager.pid as number, 1);
    assert.ok(stuck, "found shard 1's process");
    process.kill(stuck, "SIGSTOP");
    try {
      const id = fake.slash("reload", [], member(OWNER_ID), SECOND_GUILD_ID);
      // Up to 10 s for the gap after the last /reload, then 10 s for the stuck shard.
      const [, edit] = await answer(id, 2, 35_000).catch((error) => {
        throw new Error(
          `${error}: ${JSON.stringify(fake.responsesTo(id))}\n${bot.output().slice(-3000)}`,
        );
      });
      assert.match(edit?.content ?? "", /1 of 2 shards did not reload/);
      assert.match(
        edit?.content ?? "",
        /Shard 1: not reloaded, it could not be reached \(no answer within 10 s\)/,
      );
      assert.match(edit?.content ?? "", /Shard 0: reloaded/);
    } finally {
      process.kill(stuck, "SIGCONT");
    }
  });
});

describe("a host that runs a range of shards (SHARD_IDS=0,1 with SHARD_COUNT=2)", () => {
  it("connects both shards in one process and answers in each server", async () => {
    const running = await startBot({
      guilds: [GUILD_ID, SECOND_GUILD_ID],
      env: { SHARD_COUNT: "2", SHARD_IDS: "0,1" },
    });
    try {
      const { fake } = running;
      await fake.waitFor(() => fake.connectedShards.length === 2);
      assert.deepEqual(fake.connectedShards.map(([id, count]) => `${id}/${count}`).sort(), [
        "0/2",
        "1/2",
      ]);
      for (const guild of [GUILD_ID, SECOND_GUILD_ID]) {
        const id = fake.slash("us-role", [], member("800000000000000001"), guild);
        const [response] = await fake.waitFor(
          () => fake.responsesTo(id).length > 0 && fake.responsesTo(id),
        );
        assert.match(JSON.stringify(response?.body), /setback to/);
      }
    } finally {
      await running.stop();
    }
  });

  it("refuses SHARD_IDS outside SHARD_COUNT, naming both", () => {
    assert.throws(
      () => loadBotConfig({ DISCORD_TOKEN: TEST_TOKEN, SHARD_COUNT: "2", SHARD_IDS: "0,2" }),
      /SHARD_IDS: shard 2 does not exist when SHARD_COUNT is 2/,
    );
  });
});

describe("a host without shard 0 (SHARD_IDS=1 with SHARD_COUNT=2)", () => {
  it("reloads, and says that the host with shard 0 registers the changed commands", async () => {
    const { dir, cleanup } = await makeKnowledgeDir({});
    const running = await startBot({
      knowledgeDir: dir,
      guilds: [GUILD_ID, SECOND_GUILD_ID],
      env: { SHARD_COUNT: "2", SHARD_IDS: "1" },
      // Registered earlier by the host that runs shard 0.
      beforeStart: (fake) =>
        fake.commands.set(GUILD_ID, [
          { id: "900000000000000100", name: "reload", description: "Reload", type: 1 },
        ]),
    });
    try {
      const { fake } = running;
      assert.equal(fake.commandPuts, 0, "this host registers nothing");
      await writeFile(
        path.join(dir, "topics.yaml"),
        "- name: chemicals\n  description: The chemicals Japan restricted\n  question: Which chemicals did Japan restrict?\n",
      );
      const id = fake.slash("reload", [], member(OWNER_ID), GUILD_ID);
      const [, edit] = await fake.waitFor(
        () => fake.responsesTo(id).length >= 2 && fake.responsesTo(id).map((r) => r.body as Body),
      );
      assert.match(edit?.content ?? "", /the host that runs shard 0 registers the slash commands/);
      assert.doesNotMatch(edit?.content ?? "", /were registered again/);
      assert.equal(fake.commandPuts, 0);
    } finally {
      await running.stop();
      await cleanup();
    }
  });

  it("reads the command ids the host with shard 0 registered, so its topic suggestions are clickable", async () => {
    const { dir, cleanup } = await makeKnowledgeDir({});
    try {
      const shardZero = await startBot({ knowledgeDir: dir, guilds: [GUILD_ID, SECOND_GUILD_ID] });
      const registered = new Map(shardZero.fake.commands);
      await shardZero.stop();
      const ids = new Map(
        [...registered.values()].flat().map((command) => [command.name, command.id]),
      );
      const running = await startBot({
        knowledgeDir: dir,
        guilds: [GUILD_ID, SECOND_GUILD_ID],
        env: { SHARD_COUNT: "2", SHARD_IDS: "1" },
        commandIdsRereadMs: 0,
        beforeStart: (fake) => {
          for (const [scope, commands] of registered) fake.commands.set(scope, commands);
        },
      });
      try {
        const { fake } = running;
        const ask = async () => {
          const id = fake.slash(
            "ask",
            [{ name: "question", type: 3, value: "how did taiwan react to the gsomia decision" }],
            member("800000000000000001"),
            GUILD_ID,
          );
          const [response] = await fake.waitFor(
            () => fake.responsesTo(id).length > 0 && fake.responsesTo(id),
          );
          return (response?.body as Body | undefined)?.data?.embeds?.[0]?.description ?? "";
        };
        const before = await ask();
        const mentions = [...before.matchAll(/<\/([-\w]+):(\d+)>/g)];
        assert.ok(mentions.length >= 1, before);
        for (const [, name, commandId] of mentions) assert.equal(commandId, ids.get(name ?? ""));

        // A topic this host has no id for (the host with shard 0 registered it after this one
        // read the ids): shown as text once, then read again and clickable.
        const [, topic = ""] = mentions[0] ?? [];
        running.bot.context.commandIds.delete(topic);
        assert.match(await ask(), new RegExp(`\`/${topic}\``));
        await fake.waitFor(() => running.bot.context.commandIds.has(topic));
        assert.match(await ask(), new RegExp(`</${topic}:${ids.get(topic)}>`));
        assert.equal(fake.commandPuts, 0, "this host registers nothing");
      } finally {
        await running.stop();
      }
    } finally {
      await cleanup();
    }
  });
});
