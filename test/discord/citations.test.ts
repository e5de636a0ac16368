import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { LIMITS } from "../../src/discord/render.ts";
import { type Running, startBot } from "../support/bot.ts";
import {
  makeKnowledgeDir,
  TEST_WIRE_KNOWLEDGE,
  testWireReference,
  testWireTimeline,
} from "../support/knowledge.ts";
import { type Body, EPHEMERAL, embedCharacters } from "../support/payloads.ts";

/** 24 events, most of 2019, each long enough that a year does not fit one embed. */
const EVENTS = [
  {
    date: "2018-12-01",
    event: "The harbour board first discusses the cost of dredging the outer channel.",
  },
  ...Array.from({ length: 22 }, (_, index) => ({
    date: `2019-${String(Math.floor(index / 2) + 1).padStart(2, "0")}-${index % 2 === 0 ? "05" : "20"}`,
    event: `Event number ${index + 1} of 2019 at the Exampletown harbour: ${"the board and the shipping lines meet again to discuss docking fees, dredging and the outer channel; ".repeat(3)}`,
  })),
  { date: "2019-12", event: "The fee rise is confirmed for the following year." },
];

/** A summary paragraph citing 30 Test Wire reports with long titles: more than one embed can hold. */
function crowdedSheet(): string {
  const ids = Array.from({ length: 30 }, (_, index) => `testwire-${index + 1}`);
  const references = ids
    .map(
      (id, index) =>
        `  ${id}:\n${testWireReference(`2019-04-${String(index + 1).padStart(2, "0")}`, `Zanzibarite cargo report ${index + 1}: ${"a very long headline ".repeat(10)}`)}`,
    )
    .join("\n");
  const paragraph = `Zanzibarite cargo arrived at Exampletown harbour in April 2019 in record amounts. ${"Dockers unloaded zanzibarite crates around the clock while the board counted fees. ".repeat(60)}`;
  return `---\ntitle: "Fact sheet: zanzibarite cargo"\nsource: dispute-bot fact sheet\nkind: fact-sheet\npublished: 2026-11-30\nreferences:\n${references}\n---\n\n${paragraph.trim()} ${ids.map((id) => `[^${id}]`).join(" ")}\n`;
}

describe("fact-sheet citations and /timeline on the loopback Discord", () => {
  let running: Running;
  let cleanup: () => Promise<void>;
  before(async () => {
    const sheet = await readFile(path.join(TEST_WIRE_KNOWLEDGE, "harbour-fees.md"), "utf8");
    const folder = await makeKnowledgeDir(
      {
        "harbour-fees.md": sheet,
        "zanzibarite.md": crowdedSheet(),
        "timeline.yaml": testWireTimeline(EVENTS),
      },
      { base: "empty" },
    );
    cleanup = folder.cleanup;
    running = await startBot({ knowledgeDir: folder.dir });
  });
  after(async () => {
    await running?.stop();
    await cleanup?.();
  });

  async function firstResponse(id: string): Promise<Body> {
    const [response] = await running.fake.waitFor(
      () => running.fake.responsesTo(id).length > 0 && running.fake.responsesTo(id),
    );
    return (response?.body ?? {}) as Body;
  }

  const ask = (question: string) =>
    firstResponse(running.fake.slash("ask", [{ name: "question", type: 3, value: question }]));

  it("says a fact-sheet paragraph is the project's summary and links its own source with that source's date", async () => {
    const body = await ask("why did the harbour board raise docking fees?");
    const embed = body.data?.embeds?.[0];
    assert.match(
      embed?.description ?? "",
      /citing the cost of dredging the outer channel\.(\n\n\*Passage 1 of \d+\*)?$/,
    );
    assert.doesNotMatch(embed?.description ?? "", /\[\^/, "no marker in the quote");
    assert.match(embed?.footer?.text ?? "", /the project's own summary/);
    assert.doesNotMatch(JSON.stringify(embed), /2026/, "the sheet's own date is only for /sources");
    assert.equal(embed?.url, undefined, "the title does not pose as a link to the evidence");
    assert.deepEqual(embed?.fields?.[0], {
      name: "Source",
      value:
        "• [Exampletown harbour board raises docking fees](https://example.org/test-wire/2019-03-04-docking-fees): Test Wire, 4 Mar 2019",
    });
    const links = (body.data?.components ?? [])
      .flatMap((row) => row.components)
      .filter((button) => button.url);
    assert.deepEqual(
      links.map((button) => [button.label, button.url]),
      [["Source: Test Wire, 4 Mar 2019", "https://example.org/test-wire/2019-03-04-docking-fees"]],
    );
  });

  it("lists the sheet with the day it was written in /sources", async () => {
    const body = await firstResponse(running.fake.slash("sources"));
    assert.match(
      body.data?.embeds?.[0]?.description ?? "",
      /Fact sheet: the Exampletown harbour fees: dispute-bot fact sheet, the project's own summary of 2 reports, written 30 Nov 2026/,
    );
  });

  it("keeps a long summary with 30 sources inside Discord's limits, saying how many sources are left out", async () => {
    const body = await ask("when did zanzibarite cargo arrive at the harbour?");
    const embed = body.data?.embeds?.[0] ?? {};
    const total = embedCharacters(embed);
    assert.ok(total <= LIMITS.embedTotal, `embed of ${total} characters`);
    assert.ok((embed.description?.length ?? 0) <= LIMITS.embedDescription);
    assert.match(embed.description ?? "", /longer than Discord shows/);
    const sources = embed.fields?.[0]?.value ?? "";
    assert.ok(sources.length <= LIMITS.fieldValue);
    assert.match(sources, /…and \d+ more$/);
    const rows = body.data?.components ?? [];
    assert.ok(rows.length <= 5 && rows.every((row) => row.components.length <= 5));
  });

  it("registers /timeline with a year option bounded by the timeline's years", () => {
    const timeline = [...running.fake.commands.values()]
      .flat()
      .find((command) => command.name === "timeline") as
      | {
          options?: {
            name: string;
            type: number;
            min_value?: number;
            max_value?: number;
            required?: boolean;
          }[];
        }
      | undefined;
    assert.deepEqual(
      timeline?.options?.map(({ name, type, min_value, max_value, required }) => ({
        name,
        type,
        min_value,
        max_value,
        required,
      })),
      [{ name: "year", type: 4, min_value: 2018, max_value: 2019, required: false }],
    );
  });

  it("pages a long year: each page fits an embed, says how many more events there are, and all are shown once", async () => {
    const { fake } = running;
    const id = fake.slash("timeline", [{ name: "year", type: 4, value: 2019 }]);
    let body = await firstResponse(id);
    let message = fake.message(`original-${id}`) ?? {};
    const seen: string[] = [];
    for (let page = 0; page < 10; page++) {
      const embed = body.data?.embeds?.[0];
      assert.equal(embed?.title, "Timeline 2019: 23 events");
      assert.ok((embed?.description?.length ?? 0) <= LIMITS.embedDescription);
      const events = (embed?.description ?? "").split("\n\n");
      for (const event of events) {
        assert.match(
          event,
          /^\*\*\S.*\*\*: .*\(\[Test Wire, 2 Jan 2019\]\(https:\/\/example\.org\/test-wire\/2019-01-02\)\)$/s,
        );
        seen.push(event);
      }
      const next = body.data?.components?.[0]?.components.find((button) => button.label === "Next");
      if (!next || next.disabled) {
        assert.match(embed?.footer?.text ?? "", /^Events \d+–23 of 23 ·/);
        break;
      }
      assert.match(
        embed?.footer?.text ?? "",
        new RegExp(`of 23 · ${23 - seen.length} more events?: press Next`),
      );
      body = await firstResponse(fake.press(next.custom_id ?? "", message));
      assert.equal(body.type, 7, "the press turns the page in place");
      message = { ...message, ...body.data };
    }
    assert.equal(seen.length, 23);
    assert.equal(new Set(seen).size, 23);
    assert.match(seen[0] ?? "", /^\*\*5 Jan 2019\*\*/);
    assert.match(seen.at(-1) ?? "", /^\*\*Dec 2019\*\*: The fee rise is confirmed/);
  });

  it("shows the whole timeline without a year, and refuses a year outside it privately", async () => {
    const all = await firstResponse(running.fake.slash("timeline"));
    assert.equal(all.data?.embeds?.[0]?.title, "Timeline 2018–2019: 24 events");
    const outside = await firstResponse(
      running.fake.slash("timeline", [{ name: "year", type: 4, value: 2030 }]),
    );
    assert.equal(outside.data?.flags, EPHEMERAL);
    assert.match(outside.data?.content ?? "", /covers 2018 to 2019/);
  });
});
