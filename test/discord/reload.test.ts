import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import {
  ADMIN_ROLE_ID,
  FakeDiscord,
  GUILD_ID,
  member,
  OWNER_ID,
  SECOND_GUILD_ID,
} from "../../src/playground/fake-discord.ts";
import { type Running, startBot, TEST_TOKEN } from "../support/bot.ts";
import { article, BOYCOTT_ARTICLE, makeKnowledgeDir, PROJECT_ROOT } from "../support/knowledge.ts";
import { runCli, startBotProcess } from "../support/spawn.ts";

type Body = {
  type?: number;
  data?: {
    embeds?: { description?: string; url?: string }[];
    content?: string;
    flags?: number;
    components?: { components: { custom_id?: string; disabled?: boolean; url?: string }[] }[];
  };
};

/** An edit or follow-up carries the message itself; a callback wraps it in `data`. */
function asCallback(body: Record<string, unknown>): Body {
  return ("type" in body ? body : { data: body }) as Body;
}

async function responses(running: Running, id: string, count = 1) {
  return running.fake.waitFor(
    () =>
      running.fake.responsesTo(id).length >= count &&
      running.fake.responsesTo(id).map((response) => asCallback(response.body)),
    8000,
  );
}

describe("/reload", () => {
  let running: Running;
  let dir: string;
  let cleanup: () => Promise<void>;
  before(async () => {
    ({ dir, cleanup } = await makeKnowledgeDir({}));
    running = await startBot({ knowledgeDir: dir, env: { ADMIN_ROLE_IDS: ADMIN_ROLE_ID } });
  });
  after(async () => {
    await running.stop();
    await cleanup();
  });

  it("is registered only in ADMIN_GUILD_ID, and refused to a server admin who does not operate the bot", async () => {
    const { fake } = running;
    const inScope = (scope: string) =>
      (fake.commands.get(scope) ?? []).map((command) => command.name);
    assert.deepEqual(inScope(GUILD_ID), ["reload", "knowledge", "report"]);
    assert.ok(!inScope("global").includes("reload") && inScope("global").includes("ask"));
    const manager = member("800000000000000010", { admin: true });
    const [refusal] = await responses(running, fake.slash("reload", [], manager));
    assert.equal(refusal?.data?.flags, 64);
    assert.match(refusal?.data?.content ?? "", /Only this bot's operators/);
    const roleElsewhere = member("800000000000000013", { roles: [ADMIN_ROLE_ID] });
    assert.throws(
      () => fake.slash("reload", [], roleElsewhere, SECOND_GUILD_ID),
      /Discord shows no \/reload in server/,
      "other servers never see the admin commands",
    );
    assert.equal(running.bot.context.store.engine.stats.documents, 7, "nothing was reloaded");
  });

  it("reloads for the application's owner, adding a document whose passages are then found", async () => {
    await writeFile(path.join(dir, "boycott.md"), BOYCOTT_ARTICLE);
    const [, edit] = await responses(
      running,
      running.fake.slash("reload", [], member(OWNER_ID)),
      2,
    );
    assert.match(edit?.data?.content ?? "", /Reloaded in \d+ ms: 8 documents/);
    assert.match(edit?.data?.content ?? "", /Added: boycott/);
    const [answer] = await responses(
      running,
      running.fake.slash("ask", [
        { name: "question", type: 3, value: "did koreans boycott uniqlo and japanese beer?" },
      ]),
    );
    assert.match(answer?.data?.embeds?.[0]?.description ?? "", /Uniqlo/);
  });

  it("accepts a member with a role from ADMIN_ROLE_IDS in ADMIN_GUILD_ID", async () => {
    const [, edit] = await responses(
      running,
      running.fake.slash("reload", [], member("800000000000000012", { roles: [ADMIN_ROLE_ID] })),
      2,
    );
    assert.match(edit?.data?.content ?? "", /Reloaded/);
  });

  it("keeps answering from the old index when a file is broken, and names file and line", async () => {
    await writeFile(
      path.join(dir, "broken.md"),
      "---\ntitle: Broken\nsource: X\nurl: https://example.org\npublished: someday\n---\n\nText.\n",
    );
    const [, edit] = await responses(
      running,
      running.fake.slash("reload", [], member(OWNER_ID)),
      2,
    );
    assert.match(edit?.data?.content ?? "", /Reload failed/);
    assert.match(edit?.data?.content ?? "", /broken\.md:5: error: published/);
    const [answer] = await responses(running, running.fake.slash("why-gsomia"));
    assert.match(answer?.data?.embeds?.[0]?.description ?? "", /national interest/);
  });

  it("registers the commands again when the topics change", async () => {
    const puts = running.fake.commandPuts;
    await writeFile(
      path.join(dir, "broken.md"),
      article(
        { title: "Fixed", source: "X", url: "https://example.org", published: "2019-08-01" },
        "A proper paragraph about the trade dispute.",
      ),
    );
    await writeFile(
      path.join(dir, "topics.yaml"),
      "- name: chemicals\n  description: The chemicals Japan restricted\n  question: Which chemicals did Japan restrict?\n",
    );
    const [, edit] = await responses(
      running,
      running.fake.slash("reload", [], member(OWNER_ID)),
      2,
    );
    assert.match(edit?.data?.content ?? "", /topics changed/);
    assert.equal(running.fake.commandPuts, puts + 1);
    const names = [...running.fake.commands.values()].flat().map((command) => command.name);
    assert.ok(names.includes("chemicals") && !names.includes("why-gsomia"));
  });

  it("says so when Discord refuses the new commands, instead of claiming them", async () => {
    await writeFile(
      path.join(dir, "topics.yaml"),
      "- name: chemicals-again\n  description: The chemicals Japan restricted\n  question: Which chemicals did Japan restrict?\n",
    );
    running.fake.refuseNext("PUT", /\/commands$/, 1);
    const [, edit] = await responses(
      running,
      running.fake.slash("reload", [], member(OWNER_ID)),
      2,
    );
    assert.match(
      edit?.data?.content ?? "",
      /Discord refused the new slash commands \(Missing Permissions\)/,
    );
    assert.doesNotMatch(edit?.data?.content ?? "", /were registered again/);
    const names = [...running.fake.commands.values()].flat().map((command) => command.name);
    assert.ok(!names.includes("chemicals-again"), "Discord still has the old commands");
  });
});

describe("who operates the bot", () => {
  it("counts the team's owner and accepted members, not read-only or invited ones, and ADMIN_USER_IDS", async () => {
    const running = await startBot({
      env: { ADMIN_USER_IDS: "800000000000000044" },
      owner: {
        teamOwnerId: "800000000000000040",
        team: [
          { userId: "800000000000000041", role: "developer", accepted: true },
          { userId: "800000000000000042", role: "read_only", accepted: true },
          { userId: "800000000000000043", role: "admin", accepted: false },
        ],
      },
    });
    try {
      const outcomes: Record<string, string> = {};
      for (const id of ["40", "41", "42", "43", "44", "45"].map(
        (end) => `8000000000000000${end}`,
      )) {
        const [first] = await responses(running, running.fake.slash("reload", [], member(id)));
        outcomes[id.slice(-2)] = first?.type === 5 ? "reloads" : "refused";
      }
      assert.deepEqual(outcomes, {
        "40": "reloads",
        "41": "reloads",
        "42": "refused",
        "43": "refused",
        "44": "reloads",
        "45": "refused",
      });
      assert.equal(running.fake.applicationReads, 1, "the owners are read once, not per command");
    } finally {
      await running.stop();
    }
  });

  it("runs concurrent reloads once, and one more for requests inside the gap", async () => {
    const running = await startBot({ reloadGapMs: 1500 });
    try {
      const reloads = () =>
        running.logs.filter((line) => line.includes('"message":"knowledge reloaded"')).length;
      const first = [1, 2, 3].map(() => running.fake.slash("reload", [], member(OWNER_ID)));
      for (const id of first) await responses(running, id, 2);
      assert.equal(reloads(), 1, "three requests at once share one reload");
      const late = [4, 5].map(() => running.fake.slash("reload", [], member(OWNER_ID)));
      for (const id of late) await responses(running, id, 2);
      assert.equal(reloads(), 2, "two requests inside the gap share the next one");
    } finally {
      await running.stop();
    }
  });
});

describe("limits and load", () => {
  let running: Running;
  let cleanup: () => Promise<void>;
  before(async () => {
    const made = await makeKnowledgeDir({
      "markers.md": article(
        {
          title: "Markers in a quote",
          source: "Test Wire",
          url: "https://example.org/markers",
          published: "2019-09-02",
        },
        "Protest placards read **boycott**, _never forget_ and `no Japan`, and a post told @everyone to join <@&123>.",
      ),
      "long.md": article(
        {
          title: "A very long paragraph",
          source: "Test",
          url: "https://example.org/long",
          published: "2019-09-01",
        },
        `${"The semiconductor dispute dragged on as officials met again. ".repeat(90)}Markers like **this**, _that_ and @everyone stay inert.`,
      ),
    });
    cleanup = made.cleanup;
    running = await startBot({
      knowledgeDir: made.dir,
      env: { COOLDOWN_SECONDS: "3" },
      buttonTimeoutMs: 1500,
    });
  });
  after(async () => {
    await running.stop();
    await cleanup();
  });

  it("shortens a passage longer than an embed allows", async () => {
    const [body] = await responses(
      running,
      running.fake.slash(
        "ask",
        [{ name: "question", type: 3, value: "semiconductor dispute officials" }],
        member("800000000000000020"),
      ),
    );
    const description = body?.data?.embeds?.[0]?.description ?? "";
    assert.ok(description.length <= 4096);
    assert.match(description, /longer than Discord shows/);
    assert.deepEqual(running.fake.rejected, []);
  });

  it("shows a quote's markdown and mentions as the article's text, not as formatting or pings", async () => {
    const [body] = await responses(
      running,
      running.fake.slash(
        "ask",
        [{ name: "question", type: 3, value: "what did the protest placards read?" }],
        member("800000000000000022"),
      ),
    );
    const description = body?.data?.embeds?.[0]?.description ?? "";
    assert.ok(description.includes("\\*\\*boycott\\*\\*"), description);
    assert.ok(description.includes("\\_never forget\\_"), description);
    assert.ok(description.includes("\\`no Japan\\`"), description);
    assert.ok(description.includes("@\u200beveryone"), "@everyone cannot ping");
  });

  it("switches the buttons off when they time out, keeping the link of the passage shown, and tells a late press to ask again", async () => {
    const { fake } = running;
    const asker = member("800000000000000021");
    const id = fake.slash("ask", [{ name: "question", type: 3, value: "white list" }], asker);
    const [first] = await responses(running, id);
    const next = first?.data?.components?.[0]?.components[1]?.custom_id ?? "";
    const linkOf = (body: Body | undefined) =>
      body?.data?.components?.[0]?.components.find((button) => button.url)?.url;
    const firstLink = linkOf(first);
    // Page privately until the private view quotes another article than the answer.
    const opened = fake.press(next, fake.message(`original-${id}`) ?? {}, asker);
    let [view] = await responses(running, opened);
    let shownLink = linkOf(view);
    for (let press = 0; press < 5 && shownLink === firstLink; press++) {
      const button = view?.data?.components?.[0]?.components[1];
      if (!button?.custom_id || button.disabled) break;
      const privateView = fake.message(`original-${opened}`) ?? {};
      [view] = await responses(running, fake.press(button.custom_id, privateView, asker));
      assert.equal(view?.type, 7, "the private view turns its page in place");
      shownLink = linkOf(view);
    }
    assert.notEqual(shownLink, firstLink, "the question has passages from two sources");
    const [, expired] = await responses(running, id, 2);
    const buttons = expired?.data?.components?.[0]?.components ?? [];
    assert.ok(buttons.filter((button) => button.custom_id).every((button) => button.disabled));
    const link = buttons.find((button) => button.url);
    assert.equal(link?.url, firstLink, "the source link is that of the passage quoted above it");
    const shown = fake.message(`original-${id}`) as Body["data"];
    assert.deepEqual(
      shown?.embeds,
      first?.data?.embeds,
      "the public answer still shows the answer",
    );
    const late = await responses(
      running,
      fake.press(next, fake.message(`original-${id}`) ?? {}, asker),
      2,
    );
    assert.match(late[1]?.data?.content ?? "", /expired/);
    assert.deepEqual(fake.rejected, []);
  });

  it("answers one of ten quick mentions from a member, and damps the rest with one reaction", async () => {
    const { fake } = running;
    const author = member("800000000000000030").user;
    const before = fake.responses.length;
    const asked: string[] = [];
    for (let count = 0; count < 10; count++)
      asked.push(
        fake.say("<@900000000000000001> why did Seoul end GSOMIA?", { author, mentionsBot: true }),
      );
    const answered = await fake.waitFor(() =>
      fake.responses.find((response) => response.kind === "channel-message"),
    );
    await fake.waitFor(() => fake.responses.some((response) => response.kind === "reaction"));
    // A positive event for a later message: the bot has read every mention before it.
    const other = fake.say("<@900000000000000001> what is GSOMIA?", {
      author: member("800000000000000031").user,
      mentionsBot: true,
    });
    await fake.waitFor(() =>
      fake.responses.some(
        (response) =>
          (response.body.message_reference as { message_id?: string } | undefined)?.message_id ===
          other,
      ),
    );
    const fromBot = fake.responses.slice(before);
    const repliesToFlood = fromBot.filter((response) =>
      asked.includes(
        (response.body.message_reference as { message_id?: string } | undefined)?.message_id ?? "",
      ),
    );
    assert.equal(repliesToFlood.length, 1, "one answer, not a message per mention");
    assert.equal((answered.body.message_reference as { message_id?: string }).message_id, asked[0]);
    const reactions = fromBot.filter((response) => response.kind === "reaction");
    assert.equal(reactions.length, 1, "one reaction for the whole window");
    assert.ok(asked.includes(String(reactions[0]?.body.message_id)));
  });

  it("answers a burst of 300 interactions from 30 members inside the deadline, or with the cooldown", async () => {
    const { fake } = running;
    const ids: string[] = [];
    for (let round = 0; round < 10; round++) {
      for (let index = 0; index < 30; index++) {
        ids.push(
          fake.slash("why-gsomia", [], member(`8000000000001${String(index).padStart(5, "0")}`)),
        );
      }
    }
    await fake.waitFor(() => ids.every((id) => fake.responsesTo(id).length > 0), 20_000);
    const bodies = ids.map((id) => fake.responsesTo(id)[0]?.body as Body);
    const answered = bodies.filter((body) =>
      body.data?.embeds?.[0]?.description?.includes("national interest"),
    ).length;
    const cooled = bodies.filter((body) => /asking quickly/.test(body.data?.content ?? "")).length;
    assert.equal(answered, 30, "each member's first question is answered");
    assert.equal(cooled, 270, "the rest get the cooldown message");
    assert.deepEqual(fake.rejected, [], "no response missed the 3-second deadline");
  });
});

describe("KNOWLEDGE_WATCH=true", () => {
  it("reloads by itself when a file in the folder changes", async () => {
    const { dir, cleanup } = await makeKnowledgeDir({});
    const running = await startBot({ knowledgeDir: dir, env: { KNOWLEDGE_WATCH: "true" } });
    try {
      await writeFile(path.join(dir, "boycott.md"), BOYCOTT_ARTICLE);
      const store = running.bot.context.store;
      await running.fake.waitFor(() => store.engine.stats.documents === 8, 10_000);
      const answer = store.engine.ask("did koreans boycott uniqlo and japanese beer?");
      assert.equal(answer.kind === "answer" && answer.passage.source, "Example News");
    } finally {
      await running.stop();
      await cleanup();
    }
  });
});

describe("npm start", () => {
  it("stops at once without DISCORD_TOKEN, naming it and pointing at .env.example and the CLI", async () => {
    const { code, stderr } = await runCli("src/discord/main.ts", [], {
      env: { DISCORD_TOKEN: "" },
    });
    assert.equal(code, 1);
    assert.match(stderr, /DISCORD_TOKEN/);
    assert.match(stderr, /\.env\.example/);
    assert.match(stderr, /npm run ask/);
  });

  it("stops at once when DATA_DIR cannot hold the feedback store, naming it and what to do", async () => {
    const { code, stderr } = await runCli("src/discord/main.ts", [], {
      // A file where the folder should be: refused whoever runs the tests, root included.
      env: { DISCORD_TOKEN: TEST_TOKEN, DATA_DIR: path.join(PROJECT_ROOT, "package.json") },
    });
    assert.equal(code, 1);
    assert.match(
      stderr,
      /Cannot start the bot: DATA_DIR=.*package\.json cannot hold the feedback store/,
    );
    assert.match(stderr, /set DATA_DIR to a folder/);
    assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace");
  });
});

describe("npm start with a token", () => {
  it("reloads on SIGHUP, shuts down cleanly on SIGTERM, and never logs the token", async () => {
    const fake = await FakeDiscord.start({ token: TEST_TOKEN });
    // An error whose message quotes the token: the log must still not hold it.
    fake.refuseNext("PUT", /\/commands$/, 1, { quoteToken: true });
    const { child, output } = startBotProcess({
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: "info",
    });
    try {
      await fake.waitFor(() => output().includes('"message":"connected"'), 30_000);
      await fake.waitFor(() => output().includes("command registration failed"), 30_000);
      assert.match(output(), /Missing Permissions for Bot \[redacted\]/);
      child.kill("SIGHUP");
      await fake.waitFor(
        () => /"message":"knowledge reloaded","reason":"SIGHUP"/.test(output()),
        30_000,
      );
      const exited = new Promise<number | null>((resolve) =>
        child.once("exit", (code) => resolve(code)),
      );
      child.kill("SIGTERM");
      assert.equal(await exited, 0);
      assert.match(output(), /"message":"shutting down","signal":"SIGTERM"/);
      assert.ok(!output().includes(TEST_TOKEN), "the token is never logged");
    } finally {
      child.kill("SIGKILL");
      await fake.close();
    }
  });
});

describe("npm run deploy-commands", () => {
  it("registers every command in DISCORD_GUILD_ID, looking up the application id", async () => {
    const fake = await FakeDiscord.start();
    try {
      const { code, stdout } = await runCli("src/cli/deploy-commands.ts", [], {
        env: {
          DISCORD_TOKEN: TEST_TOKEN,
          DISCORD_API_URL: fake.apiUrl,
          DISCORD_GUILD_ID: GUILD_ID,
          DISCORD_CLIENT_ID: "",
        },
      });
      assert.equal(code, 0);
      assert.match(stdout, /Registered \d+ commands .* in server/);
      assert.ok(fake.commands.get(GUILD_ID)?.some((command) => command.name === "why-gsomia"));
    } finally {
      await fake.close();
    }
  });
});
