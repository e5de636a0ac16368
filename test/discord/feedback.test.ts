import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ConfigError, loadBotConfig } from "../../src/config.ts";
import { FeedbackStore } from "../../src/feedback/store.ts";
import { member, OWNER_ID } from "../../src/playground/fake-discord.ts";
import { type Running, startBot, TEST_TOKEN } from "../support/bot.ts";
import { runCli } from "../support/spawn.ts";

type Button = { custom_id?: string; label: string; disabled?: boolean };
type Body = {
  type?: number;
  data?: {
    content?: string;
    flags?: number;
    embeds?: { description?: string }[];
    components?: { components: Button[] }[];
  };
};
const EPHEMERAL = 64;
const DAY_MS = 24 * 60 * 60 * 1000;

async function firstResponse(running: Running, id: string): Promise<Body> {
  const [response] = await running.fake.waitFor(
    () => running.fake.responsesTo(id).length > 0 && running.fake.responsesTo(id),
  );
  return (response?.body ?? {}) as Body;
}

function ask(running: Running, question: string, from = member("800000000000000001")) {
  return running.fake.slash("ask", [{ name: "question", type: 3, value: question }], from);
}

function buttonLabelled(body: Body, label: string): Button | undefined {
  return body.data?.components?.flatMap((row) => row.components).find((b) => b.label === label);
}

describe("feedback: Not helpful, unanswered questions and the report", () => {
  let dataDir: string;
  let running: Running;
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "dispute-bot-feedback-"));
    running = await startBot({ env: { DATA_DIR: dataDir } });
  });
  after(async () => {
    await running.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("puts Not helpful on every answer, within five buttons a row", async () => {
    for (const question of ["white list", "why did south korea end gsomia?"]) {
      const body = await firstResponse(running, ask(running, question));
      assert.ok(buttonLabelled(body, "Not helpful"), question);
      for (const row of body.data?.components ?? []) assert.ok(row.components.length <= 5);
    }
    const topic = await firstResponse(running, running.fake.slash("why-gsomia"));
    assert.ok(buttonLabelled(topic, "Not helpful"), "a topic's answer too");
  });

  it("records a press with the question, the passage shown and the member hashed", async () => {
    const { fake } = running;
    const id = ask(running, "Why did Japan drop Korea from the white list?");
    const body = await firstResponse(running, id);
    const button = buttonLabelled(body, "Not helpful");
    const message = fake.message(`original-${id}`) ?? {};
    const presser = member("800000000000000777");
    const thanks = await firstResponse(
      running,
      fake.press(button?.custom_id ?? "", message, presser),
    );
    assert.equal(thanks.data?.flags, EPHEMERAL, "thanked privately");
    assert.match(thanks.data?.content ?? "", /noted/);
    const again = await firstResponse(
      running,
      fake.press(button?.custom_id ?? "", message, presser),
    );
    assert.match(again.data?.content ?? "", /already/);

    const store = running.bot.context.feedback.store;
    const pressed = store.entries().filter((entry) => entry.kind === "not-helpful");
    assert.equal(pressed.length, 1, "one press per member and passage");
    const [entry] = pressed;
    assert.equal(entry?.question, "Why did Japan drop Korea from the white list?");
    assert.ok(entry?.document && (entry.paragraph ?? 0) >= 1);
    assert.match(entry?.memberHash ?? "", /^[0-9a-f]{64}$/);
    assert.notEqual(entry?.memberHash, store.memberHash("800000000000000001"));
    assert.doesNotMatch(JSON.stringify(store.entries()), /800000000000000777/);
    assert.ok(
      !running.logs.some((line) => line.includes("drop Korea from the white list")),
      "no question text in the logs",
    );
  });

  it("records every question it could not answer, by /ask and by mention", async () => {
    await firstResponse(running, ask(running, "who won the football world cup?"));
    const { fake } = running;
    fake.say(`<@900000000000000001> who won the football world cup?`, { mentionsBot: true });
    const store = running.bot.context.feedback.store;
    await fake.waitFor(
      () => store.entries().filter((entry) => entry.kind === "unanswered").length >= 2,
    );
    const unanswered = store.entries().filter((entry) => entry.kind === "unanswered");
    assert.ok(unanswered.every((entry) => /world cup/.test(entry.question)));
    assert.ok(unanswered.every((entry) => entry.document === null));
  });

  it("npm run report prints them, most frequent first, with counts and dates", async () => {
    const { code, stdout } = await runCli("src/cli/report.ts", [], { env: { DATA_DIR: dataDir } });
    assert.equal(code, 0);
    const lines = stdout.split("\n");
    const today = new Date().toISOString().slice(0, 10);
    assert.match(lines[1] ?? "", /^1\. .*who won the football world cup\?/i);
    assert.match(lines[2] ?? "", new RegExp(`2× unanswered · 1 member · ${today}`));
    assert.match(lines[3] ?? "", /^2\. Why did Japan drop Korea from the white list\?/);
    assert.match(lines[4] ?? "", /1× not helpful · 1 member · .* · shown: .+ ¶\d+/);
  });

  it("npm run report says which DATA_DIR cannot hold the store, without a stack trace", async () => {
    const notAFolder = path.join(dataDir, "feedback.sqlite");
    const { code, stderr } = await runCli("src/cli/report.ts", [], {
      env: { DATA_DIR: notAFolder },
    });
    assert.equal(code, 1);
    assert.match(stderr, /cannot hold the feedback store .*set DATA_DIR to a folder/);
    assert.doesNotMatch(stderr, /\n\s+at /);
  });

  it("npm run report says when feedback.sqlite is not a store, and what to do", async () => {
    const damaged = await mkdtemp(path.join(tmpdir(), "dispute-bot-damaged-"));
    try {
      await writeFile(
        path.join(damaged, "feedback.sqlite"),
        "not a database, just text\n".repeat(200),
      );
      const { code, stderr } = await runCli("src/cli/report.ts", [], {
        env: { DATA_DIR: damaged },
      });
      assert.equal(code, 1);
      assert.match(stderr, /feedback\.sqlite is not a feedback store .*move it aside/);
    } finally {
      await rm(damaged, { recursive: true, force: true });
    }
  });

  it("/report shows the same to an operator privately, and refuses anyone else", async () => {
    const shown = await firstResponse(running, running.fake.slash("report", [], member(OWNER_ID)));
    assert.equal(shown.data?.flags, EPHEMERAL);
    assert.match(shown.data?.content ?? "", /football world cup/);
    assert.match(shown.data?.content ?? "", /Why did Japan drop Korea from the white list/);
    const refused = await firstResponse(
      running,
      running.fake.slash("report", [], member("800000000000000010", { admin: true })),
    );
    assert.equal(refused.data?.flags, EPHEMERAL);
    assert.match(refused.data?.content ?? "", /Only this bot's operators/);
    assert.doesNotMatch(refused.data?.content ?? "", /world cup/);
  });
});

describe("feedback retention", () => {
  it("takes a Not helpful press on an answer given before the bot restarted", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "dispute-bot-restart-"));
    try {
      const before = await startBot({ env: { DATA_DIR: dataDir } });
      let customId: string | undefined;
      let message: Record<string, unknown> = {};
      try {
        const id = ask(before, "Why did Japan drop Korea from the white list?");
        customId = buttonLabelled(await firstResponse(before, id), "Not helpful")?.custom_id;
        message = (before.fake.message(`original-${id}`) ?? {}) as Record<string, unknown>;
      } finally {
        await before.stop();
      }
      assert.ok(customId);
      const after = await startBot({ env: { DATA_DIR: dataDir } });
      try {
        const presser = member("800000000000000778");
        const thanks = await firstResponse(after, after.fake.press(customId, message, presser));
        assert.match(thanks.data?.content ?? "", /noted/);
        const again = await firstResponse(after, after.fake.press(customId, message, presser));
        assert.match(again.data?.content ?? "", /already/);
        const pressed = after.bot.context.feedback.store
          .entries()
          .filter((entry) => entry.kind === "not-helpful");
        assert.deepEqual(
          pressed.map((entry) => entry.question),
          ["Why did Japan drop Korea from the white list?"],
        );
      } finally {
        await after.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("prunes entries older than FEEDBACK_RETENTION_DAYS when the bot starts, and keeps them across restarts", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "dispute-bot-retention-"));
    let clock = Date.parse("2026-01-01T12:00:00Z");
    const seeded = FeedbackStore.open(dataDir, { now: () => clock });
    seeded.recordUnanswered({ question: "an old question", memberId: "800000000000000001" });
    clock += 20 * DAY_MS;
    seeded.recordUnanswered({ question: "a recent question", memberId: "800000000000000001" });
    seeded.close();

    clock += 15 * DAY_MS;
    const reopened = FeedbackStore.open(dataDir, { now: () => clock });
    const running = await startBot({ env: { FEEDBACK_RETENTION_DAYS: "30" }, feedback: reopened });
    try {
      assert.deepEqual(
        reopened.entries().map((entry) => entry.question),
        ["a recent question"],
        "35 days old is gone, 15 days old stays",
      );
      clock += 16 * DAY_MS;
      assert.equal(reopened.prune(30), 1, "a day's pruning takes the next one");
      assert.deepEqual(reopened.entries(), []);
    } finally {
      await running.stop();
      reopened.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe("feedback settings", () => {
  it("default to ./data and 90 days, and say what is wrong with a bad value", () => {
    const config = loadBotConfig({ DISCORD_TOKEN: TEST_TOKEN });
    assert.equal(config.dataDir, path.resolve("data"));
    assert.equal(config.feedbackRetentionDays, 90);
    assert.throws(
      () => loadBotConfig({ DISCORD_TOKEN: TEST_TOKEN, FEEDBACK_RETENTION_DAYS: "0" }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /FEEDBACK_RETENTION_DAYS: must be at least 1 day/.test(error.message),
    );
  });
});

describe("the answers kept for Not helpful", () => {
  it("keeps only the latest ones, and forgets them with the retention", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "dispute-bot-shown-"));
    let clock = Date.parse("2026-01-01T12:00:00Z");
    const store = FeedbackStore.open(dataDir, { now: () => clock });
    try {
      const shown = (question: string) => ({
        question,
        passages: [{ document: "test-wire-story", paragraph: 1 }],
      });
      store.rememberShown("first", shown("one"), 2);
      store.rememberShown("second", shown("two"), 2);
      store.rememberShown("third", shown("three"), 2);
      assert.equal(store.shownAnswer("first"), undefined, "beyond the capacity");
      assert.equal(store.shownAnswer("third")?.question, "three");
      assert.deepEqual(store.shownAnswer("second")?.passages, [
        { document: "test-wire-story", paragraph: 1 },
      ]);
      clock += 31 * DAY_MS;
      store.prune(30);
      assert.equal(store.shownAnswer("third"), undefined, "older than the retention");
    } finally {
      store.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
