import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { commandMention } from "../../src/discord/render.ts";
import { member, snowflake } from "../../src/playground/fake-discord.ts";
import { type Running, startBot } from "../support/bot.ts";
import { makeKnowledgeDir } from "../support/knowledge.ts";
import { type Body, type Button, EPHEMERAL } from "../support/payloads.ts";

const UPDATE_MESSAGE = 7;
const REPLY = 4;

function buttonsOf(body: Body): Button[] {
  return (body.data?.components ?? []).flatMap((row) => row.components);
}

function button(body: Body, label: string | RegExp): Button {
  const found = buttonsOf(body).find((candidate) =>
    typeof label === "string" ? candidate.label === label : label.test(candidate.label),
  );
  assert.ok(found, `a button ${label} among ${buttonsOf(body).map((b) => b.label)}`);
  return found;
}

/** The distinct terms in bold, lower-cased. */
function boldTerms(description: string): string[] {
  return [...new Set([...description.matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1]?.toLowerCase()))]
    .filter((term): term is string => term !== undefined)
    .filter((term) => !/^\d+\.$/.test(term));
}

describe("the answer card on the loopback Discord", () => {
  let running: Running;
  before(async () => {
    running = await startBot();
  });
  after(() => running.stop());

  async function respond(id: string): Promise<Body> {
    const [response] = await running.fake.waitFor(
      () => running.fake.responsesTo(id).length > 0 && running.fake.responsesTo(id),
    );
    return (response?.body ?? {}) as Body;
  }

  const ask = (question: string, from = member("800000000000000001")) =>
    running.fake.slash("ask", [{ name: "question", type: 3, value: question }], from);

  it("shows the question on the card, on one line, clipped to Discord's limit, with mentions inert", async () => {
    const question = "why did japan remove korea from the white list?";
    const plain = await respond(ask(question));
    assert.equal(plain.data?.embeds?.[0]?.author?.name, question);

    const long = `@everyone why did japan remove korea from the\nwhite list ${"and what then ".repeat(40)}?`;
    const clipped = await respond(ask(long));
    const author = clipped.data?.embeds?.[0]?.author?.name ?? "";
    assert.ok(author.length <= 256, `${author.length} characters`);
    assert.ok(author.startsWith("@\u200beveryone why did japan"), author);
    assert.ok(!author.includes("\n"));
    assert.ok(author.endsWith("…"));

    const topic = await respond(running.fake.slash("why-gsomia"));
    assert.equal(
      topic.data?.embeds?.[0]?.author?.name,
      "Why did South Korea scrap the GSOMIA intelligence-sharing agreement with Japan?",
      "a topic shows the question it answers",
    );
    assert.deepEqual(running.fake.rejected, []);
  });

  it("previews the next two passages, each cited on one line, and opens one in full privately", async () => {
    const { fake } = running;
    const id = ask("white list");
    const first = await respond(id);
    const embed = first.data?.embeds?.[0];
    const previews = embed?.fields?.find((field) => field.name === "Next best passages");
    const lines = previews?.value.split("\n") ?? [];
    assert.equal(lines.length, 2, previews?.value);
    assert.match(lines[0] ?? "", /^\*\*2\.\*\* “.+” — .+, paragraph \d+$/);
    assert.match(lines[1] ?? "", /^\*\*3\.\*\* “.+” — .+, paragraph \d+$/);
    const before = structuredClone(fake.message(`original-${id}`));

    const opened = await respond(
      fake.press(
        button(first, "Open passage 3").custom_id ?? "",
        fake.message(`original-${id}`) ?? {},
      ),
    );
    assert.equal(opened.type, REPLY);
    assert.equal(opened.data?.flags, EPHEMERAL, "only the member who pressed sees it");
    const full = opened.data?.embeds?.[0];
    assert.match(full?.description ?? "", /Passage 3 of \d/);
    const previewed = /“(.+?)(?:…)?” —/.exec(lines[1] ?? "")?.[1]?.replace(/\*\*/g, "") ?? "";
    const shownText = (full?.description ?? "").replace(/\*\*/g, "");
    assert.ok(shownText.startsWith(previewed.slice(0, 40)), `${previewed} / ${shownText}`);
    assert.match(full?.footer?.text ?? "", /paragraph \d+$/);
    assert.deepEqual(fake.message(`original-${id}`), before, "the public answer is unchanged");
  });

  it("pages with Previous and Next from 'Passage 1 of N', privately, stopping at both ends; the public answer stays", async () => {
    const { fake } = running;
    const asker = member("800000000000000001");
    const id = ask("white list", asker);
    const first = await respond(id);
    const total = Number(
      /Passage 1 of (\d+)/.exec(first.data?.embeds?.[0]?.description ?? "")?.[1],
    );
    assert.ok(total >= 3, "the first reply already says where it stands");
    assert.equal(button(first, "Previous").disabled, true, "nothing before the first passage");
    assert.notEqual(button(first, "Next").disabled, true);
    for (const row of first.data?.components ?? []) assert.ok(row.components.length <= 5);
    const before = structuredClone(fake.message(`original-${id}`));

    const openedId = fake.press(button(first, "Next").custom_id ?? "", before ?? {}, asker);
    let view = await respond(openedId);
    assert.equal(view.type, REPLY);
    assert.equal(view.data?.flags, EPHEMERAL);
    const seen = [view.data?.embeds?.[0]?.description];
    for (let position = 2; position < total; position++) {
      assert.match(
        view.data?.embeds?.[0]?.description ?? "",
        new RegExp(`Passage ${position} of ${total}`),
      );
      view = await respond(
        fake.press(
          button(view, "Next").custom_id ?? "",
          fake.message(`original-${openedId}`) ?? {},
          asker,
        ),
      );
      assert.equal(view.type, UPDATE_MESSAGE, "the private view turns its own page");
      seen.push(view.data?.embeds?.[0]?.description);
    }
    assert.match(
      view.data?.embeds?.[0]?.description ?? "",
      new RegExp(`Passage ${total} of ${total}`),
    );
    assert.equal(button(view, "Next").disabled, true, "no wrapping round to the first");
    assert.notEqual(button(view, "Previous").disabled, true);
    assert.equal(new Set(seen).size, total - 1, "each press shows another passage");

    for (let position = total; position > 1; position--) {
      view = await respond(
        fake.press(
          button(view, "Previous").custom_id ?? "",
          fake.message(`original-${openedId}`) ?? {},
          asker,
        ),
      );
    }
    assert.match(view.data?.embeds?.[0]?.description ?? "", new RegExp(`Passage 1 of ${total}`));
    assert.equal(button(view, "Previous").disabled, true, "and none before the first");

    const stranger = await respond(
      fake.press(button(first, "Next").custom_id ?? "", before ?? {}, member("800000000000000555")),
    );
    assert.equal(stranger.data?.flags, EPHEMERAL, "another member's press is private too");
    assert.deepEqual(fake.message(`original-${id}`), before, "the public answer never changed");
    assert.deepEqual(
      fake.responsesTo(id).map((response) => response.kind),
      ["callback"],
      "nothing edited the original reply",
    );
    assert.deepEqual(fake.rejected, []);
  });

  it("turns a no-answer into clickable topics, with the ids Discord registered, and passages to open privately", async () => {
    const { fake } = running;
    const registered = new Map(
      [...fake.commands.values()].flat().map((command) => [command.name, command.id]),
    );
    // Not a name no source mentions ("taiwan") nor how a party reacted: those refusals offer no passages.
    const id = ask("are the neighbours better off without gsomia");
    const body = await respond(id);
    const embed = body.data?.embeds?.[0];
    assert.equal(embed?.title, "No confident answer");
    const mentions = [...(embed?.description ?? "").matchAll(/<\/([-\w]+):(\d+)>/g)];
    assert.ok(mentions.length >= 1, embed?.description);
    for (const [, name, commandId] of mentions) assert.equal(commandId, registered.get(name ?? ""));
    assert.doesNotMatch(embed?.description ?? "", /`\/[-\w]+`/, "no plain-text command");

    const open = buttonsOf(body).filter((candidate) => /^Open \d/.test(candidate.label));
    assert.ok(open.length >= 1, "each suggested passage has a button");
    const opened = await respond(
      fake.press(open[0]?.custom_id ?? "", fake.message(`original-${id}`) ?? {}),
    );
    assert.equal(opened.data?.flags, EPHEMERAL);
    const shown = opened.data?.embeds?.[0];
    assert.ok((shown?.description ?? "").length > 40, "the passage in full");
    assert.match(shown?.footer?.text ?? "", /paragraph \d+$/);
    assert.ok(
      (open[0]?.label ?? "").includes((shown?.title ?? "").slice(0, 20)),
      `${open[0]?.label} opens ${shown?.title}`,
    );
  });

  it("falls back to /name as text for a command Discord gave no id", () => {
    assert.equal(commandMention("whitelist", new Map([["whitelist", "123"]])), "</whitelist:123>");
    assert.equal(commandMention("whitelist", new Map()), "`/whitelist`");
  });

  it("bolds a multi-part name as one run, whole words only, and at most 5 terms", async () => {
    const body = await respond(ask("what did Kim You-geun say about the national interest?"));
    const description = body.data?.embeds?.[0]?.description ?? "";
    assert.match(description, /\*\*Kim You-geun\*\*/);
    assert.doesNotMatch(description, /\*\*Kim\*\* You/);
    const wordy = await respond(
      ask(
        "How does the dispute between South Korea and Japan affect the United States, its allies, trade, security, China and North Korea?",
      ),
    );
    const text = wordy.data?.embeds?.[0]?.description ?? "";
    const terms = boldTerms(text);
    assert.ok(terms.length >= 1 && terms.length <= 5, terms.join(" | "));
    assert.doesNotMatch(text, /\w\*\*\w|\*\*\w+\*\*\w/u, "no bold inside a word");
  });

  it("/help is private and explains quotes, fact sheets, buttons, the cooldown, /timeline and /sources", async () => {
    const help = await respond(running.fake.slash("help"));
    assert.equal(help.data?.flags, EPHEMERAL);
    const text = help.data?.embeds?.[0]?.description ?? "";
    for (const expected of [
      /word for word/,
      /fact sheet\*\* is this project's own summary/,
      /\*\*Next\*\* \/ \*\*Previous\*\*/,
      /Open passage 2/,
      /Read the source/,
      /<\/timeline:\d+>/,
      /<\/sources:\d+>/,
      /Buttons stop working after/,
    ])
      assert.match(text, expected);
    assert.ok(text.length <= 4096);
  });

  it("/sources is private unless public: true", async () => {
    const { fake } = running;
    const own = await respond(fake.slash("sources"));
    assert.equal(own.data?.flags, EPHEMERAL);
    const shared = await respond(fake.slash("sources", [{ name: "public", type: 5, value: true }]));
    assert.notEqual(shared.data?.flags, EPHEMERAL);
    assert.match(shared.data?.embeds?.[0]?.title ?? "", /^Sources/);
  });

  it("says it does not know a command that never existed", async () => {
    // Discord would not offer it; a stale client still can send it, so it is sent as such.
    const body = await respond(
      running.fake.interact(2, { id: snowflake(), name: "weather", type: 1, options: [] }),
    );
    assert.equal(body.data?.flags, EPHEMERAL);
    assert.match(body.data?.content ?? "", /I don't know the command `\/weather`/);
    assert.doesNotMatch(body.data?.content ?? "", /topics changed|removed/);
  });
});

describe("a topic removed while the bot runs", () => {
  it("is named as a removed topic, unlike a command that never was one", async () => {
    const { dir, cleanup } = await makeKnowledgeDir({});
    const running = await startBot({ knowledgeDir: dir });
    try {
      const topics = path.join(dir, "topics.yaml");
      const yaml = await readFile(topics, "utf8");
      await writeFile(topics, yaml.replace(/\n- name: us-role[\s\S]*$/, "\n"));
      const [reloaded] = await running.bot.context.reload("test");
      assert.equal(reloaded?.summary?.ok, true);
      // The member's client still shows the command Discord has not yet forgotten.
      const id = running.fake.interact(2, {
        id: snowflake(),
        name: "us-role",
        type: 1,
        options: [],
      });
      const [response] = await running.fake.waitFor(
        () => running.fake.responsesTo(id).length > 0 && running.fake.responsesTo(id),
      );
      const body = response?.body as Body;
      assert.equal(body.data?.flags, EPHEMERAL);
      assert.match(body.data?.content ?? "", /`\/us-role` was a topic, but it was removed/);
    } finally {
      await running.stop();
      await cleanup();
    }
  });
});
