import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ADMIN_ROLE_ID, FakeDiscord, GUILD_ID, member } from "../../src/playground/fake-discord.ts";
import { type Running, startBot, TEST_TOKEN } from "../support/bot.ts";
import { article, BOYCOTT_ARTICLE, makeKnowledgeDir } from "../support/knowledge.ts";
import { runCli, startBotProcess } from "../support/spawn.ts";

type Body = {
  type?: number;
  data?: {
    embeds?: { description?: string }[];
    content?: string;
    flags?: number;
    components?: { components: { custom_id?: string; disabled?: boolean }[] }[];
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

  it("is hidden from non-admins by default and refuses them privately", async () => {
    const registered = [...running.fake.commands.values()]
      .flat()
      .find((command) => command.name === "reload");
    assert.equal(registered?.default_member_permissions, "32");
    const [refusal] = await responses(
      running,
      running.fake.slash("reload", [], member("800000000000000010")),
    );
    assert.equal(refusal?.data?.flags, 64);
    assert.match(refusal?.data?.content ?? "", /Only admins/);
  });

  it("reloads for a member with Manage Server, adding a document whose passages are then found", async () => {
    await writeFile(path.join(dir, "boycott.md"), BOYCOTT_ARTICLE);
    const [, edit] = await responses(
      running,
      running.fake.slash("reload", [], member("800000000000000011", { admin: true })),
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

  it("accepts a member with a role from ADMIN_ROLE_IDS", async () => {
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
      running.fake.slash("reload", [], member("800000000000000011", { admin: true })),
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
      running.fake.slash("reload", [], member("800000000000000011", { admin: true })),
      2,
    );
    assert.match(edit?.data?.content ?? "", /topics changed/);
    assert.equal(running.fake.commandPuts, puts + 1);
    const names = [...running.fake.commands.values()].flat().map((command) => command.name);
    assert.ok(names.includes("chemicals") && !names.includes("why-gsomia"));
  });
});

describe("limits and load", () => {
  let running: Running;
  let cleanup: () => Promise<void>;
  before(async () => {
    const made = await makeKnowledgeDir({
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
      buttonTimeoutMs: 400,
    });
  });
  after(async () => {
    await running.stop();
    await cleanup();
  });

  it("shortens a passage longer than an embed allows, and escapes its markdown", async () => {
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

  it("switches the buttons off when they time out, and tells a late press to ask again", async () => {
    const { fake } = running;
    const id = fake.slash(
      "ask",
      [{ name: "question", type: 3, value: "white list" }],
      member("800000000000000021"),
    );
    const [first] = await responses(running, id);
    const another = first?.data?.components?.[0]?.components[0]?.custom_id ?? "";
    const [, disabled] = await responses(running, id, 2);
    assert.equal(disabled?.data?.components?.[0]?.components[0]?.disabled, true);
    const late = await responses(
      running,
      fake.press(another, fake.message(`original-${id}`) ?? {}, member("800000000000000021")),
      2,
    );
    assert.match(late[1]?.data?.content ?? "", /expired/);
    assert.deepEqual(fake.rejected, []);
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
});

describe("npm start with a token", () => {
  it("reloads on SIGHUP and shuts down cleanly on SIGTERM", async () => {
    const fake = await FakeDiscord.start();
    const { child, output } = startBotProcess({
      DISCORD_TOKEN: TEST_TOKEN,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: "info",
    });
    try {
      await fake.waitFor(() => output().includes('"message":"connected"'), 30_000);
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
      assert.match(stdout, /Registered 10 commands .* in server/);
      assert.ok(fake.commands.get(GUILD_ID)?.some((command) => command.name === "why-gsomia"));
    } finally {
      await fake.close();
    }
  });
});
