import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import {
  ADMIN_ROLE_ID,
  GUILD_ID,
  member,
  OWNER_ID,
  snowflake,
} from "../../src/playground/fake-discord.ts";
import { type Running, startBot } from "../support/bot.ts";
import { makeKnowledgeDir } from "../support/knowledge.ts";
import { BODY_PARAGRAPHS, html, indexPage, newsPage, startPageServer } from "../support/pages.ts";

type Json = Record<string, unknown>;
type Body = {
  type?: number;
  data?: {
    content?: string;
    flags?: number;
    embeds?: { title?: string; description?: string; footer?: { text?: string } }[];
    components?: { components: { custom_id?: string; label?: string }[] }[];
    choices?: { name: string; value: string }[];
  };
};

const FILE = "test-wire-2019-07-01-testland-tightens-chemical-export-rules.md";
/** Operators: a member holding an operator role in ADMIN_GUILD_ID, and the application's owner. */
const ADMIN = member("800000000000000051", { roles: [ADMIN_ROLE_ID] });
const OTHER_ADMIN = member(OWNER_ID);
const SECOND_STORY = newsPage({
  title: "Ports report slower chemical shipments",
  canonical: "https://testwire.example/2019/07/15/slower-shipments",
  published: "2019-07-15T08:00:00Z",
  paragraphs: [
    "Port officials in Testville said shipments of the three chemicals had slowed to a trickle in the two weeks since the licences were introduced.",
    "Exporters told the port authority that each licence application took about ninety days to process, according to a statement released on Monday.",
  ],
});

describe("/knowledge", () => {
  let running: Running;
  let dir: string;
  let cleanup: () => Promise<void>;
  let pages: Awaited<ReturnType<typeof startPageServer>>;

  before(async () => {
    ({ dir, cleanup } = await makeKnowledgeDir({}));
    pages = await startPageServer({
      "/2019/07/01/chemical-export-rules": html(newsPage()),
      "/asia": html(indexPage()),
      "/undated": html(
        newsPage({ published: null, canonical: "https://testwire.example/undated" }),
      ),
      "/attachments/slower-shipments.html": html(SECOND_STORY, "application/octet-stream"),
    });
    running = await startBot({
      knowledgeDir: dir,
      env: { IMPORT_ALLOW_PRIVATE: "true", ADMIN_ROLE_IDS: ADMIN_ROLE_ID },
    });
  });
  after(async () => {
    await running.stop();
    await pages.close();
    await cleanup();
  });

  /** An edit carries the message itself; a callback wraps it in `data`. */
  async function responses(id: string, count: number): Promise<Body[]> {
    return running.fake.waitFor(() => {
      const found = running.fake.responsesTo(id);
      return (
        found.length >= count &&
        found.map(
          (response) => ("type" in response.body ? response.body : { data: response.body }) as Body,
        )
      );
    }, 15_000);
  }

  function knowledge(
    subcommand: string,
    options: Json[] = [],
    from = ADMIN,
    resolved?: Json,
  ): string {
    return running.fake.interact(
      2,
      {
        id: snowflake(),
        name: "knowledge",
        type: 1,
        options: [{ type: 1, name: subcommand, options }],
        ...(resolved ? { resolved } : {}),
      },
      from,
    );
  }

  const option = (name: string, value: string) => ({ name, type: 3, value });
  const press = (interactionId: string, label: string, from = ADMIN) => {
    const message = running.fake.message(`original-${interactionId}`) ?? {};
    const rows = (message.components ?? []) as {
      components: { custom_id?: string; label?: string }[];
    }[];
    const button = rows
      .flatMap((row) => row.components)
      .find((candidate) => candidate.label === label);
    assert.ok(button?.custom_id, `no ${label} button on the preview`);
    return running.fake.press(button.custom_id, message, from);
  };
  const files = async () => (await readdir(dir)).sort();

  it("is for the bot's operators: registered only in ADMIN_GUILD_ID and refused to a server admin", async () => {
    const inScope = (scope: string) =>
      (running.fake.commands.get(scope) ?? []).map((command) => command.name);
    assert.ok(inScope(GUILD_ID).includes("knowledge"));
    assert.ok(!inScope("global").includes("knowledge"));
    const filesBefore = await files();
    const [refusal] = await responses(
      knowledge(
        "add",
        [option("url", pages.url("/2019/07/01/chemical-export-rules"))],
        member("800000000000000053", { admin: true }),
      ),
      1,
    );
    assert.equal(refusal?.data?.flags, 64);
    assert.match(refusal?.data?.content ?? "", /Only this bot's operators/);
    assert.deepEqual(await files(), filesBefore, "nothing was written");
  });

  it("previews an article privately, adds it on Confirm, reloads, and then quotes it with its citation", async () => {
    const before = await files();
    const id = knowledge("add", [option("url", pages.url("/2019/07/01/chemical-export-rules"))]);
    const [deferred, preview] = await responses(id, 2);
    assert.equal(deferred?.data?.flags, 64, "the preview is private");
    const embed = preview?.data?.embeds?.[0];
    assert.equal(embed?.title, "Testland tightens chemical export rules");
    assert.match(embed?.description ?? "", /Test Wire · .*2019 · 4 paragraphs/);
    assert.ok(embed?.description?.includes(BODY_PARAGRAPHS[1]));
    assert.ok(!embed?.description?.includes(BODY_PARAGRAPHS[2]), "two paragraphs are shown");
    assert.deepEqual(await files(), before, "nothing is written before Confirm");

    const pressed = press(id, "Add it");
    const [, done] = await responses(pressed, 2);
    assert.match(done?.data?.content ?? "", new RegExp(`Added \`${FILE}\` on host \\S+\\.`));
    assert.match(done?.data?.content ?? "", /Reloaded in \d+ ms: .*Added: test-wire-2019-07-01/s);
    assert.ok((await files()).includes(FILE));

    const [answer] = await responses(
      running.fake.slash("ask", [
        option("question", "How many months of stock of the chemicals do the chip makers hold?"),
      ]),
      1,
    );
    assert.match(
      (answer?.data?.embeds?.[0]?.description ?? "").replaceAll("**", ""),
      /three months of stock/,
    );
    assert.match(answer?.data?.embeds?.[0]?.footer?.text ?? "", /^Test Wire · /);
  });

  it("takes a saved page as an attachment, and Cancel writes nothing", async () => {
    const before = await files();
    const attachmentId = snowflake();
    const id = knowledge("add", [{ name: "file", type: 11, value: attachmentId }], ADMIN, {
      attachments: {
        [attachmentId]: {
          id: attachmentId,
          filename: "slower-shipments.html",
          size: Buffer.byteLength(SECOND_STORY),
          url: pages.url("/attachments/slower-shipments.html"),
          proxy_url: pages.url("/attachments/slower-shipments.html"),
          content_type: "text/html; charset=utf-8",
        },
      },
    });
    const [, preview] = await responses(id, 2);
    assert.equal(preview?.data?.embeds?.[0]?.title, "Ports report slower chemical shipments");
    assert.match(preview?.data?.embeds?.[0]?.description ?? "", /2 paragraphs/);
    const [cancelled] = await responses(press(id, "Cancel"), 1);
    assert.match(cancelled?.data?.content ?? "", /Cancelled; nothing was changed/);
    assert.deepEqual(await files(), before);
  });

  it("refuses an attachment of another type or over 2 MiB before downloading it", async () => {
    for (const [filename, size, type, expected] of [
      ["photo.png", 1000, "image/png", /not a page or an article/],
      ["huge.html", 5 * 1024 * 1024, "text/html", /over the 2 MiB limit/],
    ] as const) {
      const attachmentId = snowflake();
      const [refusal] = await responses(
        knowledge("add", [{ name: "file", type: 11, value: attachmentId }], ADMIN, {
          attachments: {
            [attachmentId]: {
              id: attachmentId,
              filename,
              size,
              url: pages.url("/not-there"),
              proxy_url: pages.url("/not-there"),
              content_type: type,
            },
          },
        }),
        1,
      );
      assert.match(refusal?.data?.content ?? "", expected, filename);
    }
  });

  it("says what is wrong with a page it cannot import, asks for a missing field, and leaves the folder unchanged", async () => {
    const before = await files();
    const [, notArticle] = await responses(
      knowledge("add", [option("url", pages.url("/asia"))]),
      2,
    );
    assert.match(
      notArticle?.data?.content ?? "",
      /Not imported; nothing was added:\n• no article text was found/,
    );
    const [, undated] = await responses(
      knowledge("add", [option("url", pages.url("/undated"))]),
      2,
    );
    assert.match(
      undated?.data?.content ?? "",
      /no publication date .*\(give it with published: \(YYYY-MM-DD\)\)/,
    );
    const [, duplicate] = await responses(
      knowledge("add", [option("url", pages.url("/2019/07/01/chemical-export-rules"))]),
      2,
    );
    assert.match(
      duplicate?.data?.content ?? "",
      /already in the knowledge: test-wire-2019-07-01-.*\.md has the same link/,
    );
    assert.deepEqual(await files(), before);
  });

  it("lists the files, and removes one after confirmation into .removed/, for the admin who asked only", async () => {
    const [listed] = await responses(knowledge("list"), 1);
    assert.equal(listed?.data?.flags, 64);
    assert.ok(listed?.data?.embeds?.[0]?.description?.includes(`\`${FILE}\``));

    const completionId = running.fake.interact(
      4,
      {
        id: snowflake(),
        name: "knowledge",
        type: 1,
        options: [
          {
            type: 1,
            name: "remove",
            options: [{ name: "document", type: 3, value: "testland", focused: true }],
          },
        ],
      },
      ADMIN,
    );
    const [completion] = await responses(completionId, 1);
    const documentId = FILE.replace(/\.md$/, "");
    assert.deepEqual(
      completion?.data?.choices?.map((choice) => choice.value),
      [documentId],
    );

    const id = knowledge("remove", [option("document", documentId)]);
    const [question] = await responses(id, 1);
    assert.match(
      question?.data?.content ?? "",
      /Remove \*\*Testland tightens chemical export rules\*\*/,
    );
    const [notYours] = await responses(press(id, "Remove it", OTHER_ADMIN), 1);
    assert.match(notYours?.data?.content ?? "", /Only the admin who asked/);
    assert.ok((await files()).includes(FILE), "another admin's press changes nothing");

    const [, removed] = await responses(press(id, "Remove it"), 2);
    assert.match(removed?.data?.content ?? "", new RegExp(`Removed \`${FILE}\``));
    assert.match(removed?.data?.content ?? "", /Removed: test-wire-2019-07-01/);
    assert.ok(!(await files()).includes(FILE));
    const kept = await readdir(path.join(dir, ".removed"));
    assert.ok(kept.some((name) => name.endsWith(FILE)));
    assert.ok(
      !running.bot.context.store.engine.documents.some((document) => document.id === documentId),
    );
  });
});
