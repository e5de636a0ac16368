import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type Running, startBot } from "../support/bot.ts";
import { BOYCOTT_ARTICLE, makeKnowledgeDir } from "../support/knowledge.ts";

type Choice = { name: string; value: string };

async function choicesFor(running: Running, typed: string): Promise<Choice[]> {
  const { fake } = running;
  const id = fake.autocomplete("ask", "question", typed);
  const [response] = await fake.waitFor(
    () => fake.responsesTo(id).length > 0 && fake.responsesTo(id),
  );
  const body = (response?.body ?? {}) as { type?: number; data?: { choices?: Choice[] } };
  assert.equal(body.type, 8, "an autocomplete result");
  return body.data?.choices ?? [];
}

/** Discord's rules for choices, and ours: whole questions, never a paragraph's cut-off opening. */
function assertWithinLimits(choices: readonly Choice[], passages: readonly string[]) {
  assert.ok(choices.length >= 1 && choices.length <= 25, `${choices.length} choices`);
  for (const choice of choices) {
    assert.ok(choice.name.length >= 1 && choice.name.length <= 100, choice.name);
    assert.equal(choice.value, choice.name);
    assert.doesNotMatch(choice.name, /…$/, "no clipped text");
    const opening = choice.name.slice(0, 40);
    assert.ok(
      opening.length < 25 || !passages.some((text) => text.startsWith(opening)),
      `"${choice.name}" is a passage's opening`,
    );
  }
}

describe("/ask's autocomplete", () => {
  let running: Running;
  let passages: string[];
  before(async () => {
    running = await startBot();
    passages = running.bot.context.store.engine.knowledge.passages.map((passage) => passage.text);
  });
  after(() => running.stop());

  it("completes an English beginning into questions about what the knowledge covers", async () => {
    const choices = await choicesFor(running, "what is gso");
    assertWithinLimits(choices, passages);
    const names = choices.map((choice) => choice.name);
    assert.equal(names[0], "what is gso", "what was typed comes first");
    assert.equal(names[1], "what is GSOMIA?", "then the glossary term it begins");
    assert.ok(
      names.includes(
        "Why did South Korea scrap the GSOMIA intelligence-sharing agreement with Japan?",
      ),
      "and the topic's question about it",
    );
  });

  it("offers only questions that begin as typed after question words alone", async () => {
    const choices = await choicesFor(running, "why did");
    assertWithinLimits(choices, passages);
    for (const choice of choices.slice(1)) assert.match(choice.name, /^why did /i);
  });

  it("completes a Korean beginning from the glossary, with the English topic it names", async () => {
    const choices = await choicesFor(running, "지소");
    assertWithinLimits(choices, passages);
    const names = choices.map((choice) => choice.name);
    assert.ok(names.includes("What is 지소미아?"), names.join(" | "));
    assert.ok(names.some((name) => /GSOMIA/.test(name)));
  });

  it("completes a Japanese beginning too", async () => {
    const names = (await choicesFor(running, "ホワイト")).map((choice) => choice.name);
    assert.ok(
      names.some((name) => name.includes("ホワイト国")),
      names.join(" | "),
    );
    assert.ok(names.some((name) => /white list/i.test(name)));
  });

  it("keeps what was typed, and leaves out a question too long to be a choice", async () => {
    const long = `why ${"very ".repeat(30)}long`;
    const choices = await choicesFor(running, long);
    assert.ok(choices.every((choice) => choice.name.length <= 100));
    const kept = await choicesFor(running, "who won the world cup");
    assert.deepEqual(
      kept.map((choice) => choice.name),
      ["who won the world cup"],
    );
  });
});

describe("/ask's autocomplete after a reload", () => {
  it("offers the new knowledge as soon as the reload is done", async () => {
    const { dir, cleanup } = await makeKnowledgeDir({});
    const running = await startBot({ knowledgeDir: dir });
    try {
      const before = await choicesFor(running, "consumers boy");
      assert.ok(!before.some((choice) => /Consumers boycott Japanese brands/.test(choice.name)));
      await writeFile(path.join(dir, "boycott.md"), BOYCOTT_ARTICLE);
      await running.bot.context.reload("test");
      const after = await choicesFor(running, "consumers boy");
      assert.ok(
        after.some((choice) => choice.name === "Tell me about Consumers boycott Japanese brands"),
        after.map((choice) => choice.name).join(" | "),
      );
    } finally {
      await running.stop();
      await cleanup();
    }
  });
});
