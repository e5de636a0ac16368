import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type ImportSource, importArticle } from "../../src/import/importer.ts";
import { moveToRemoved, writeArticleAtomically } from "../../src/import/write.ts";
import { hasErrors, loadKnowledge } from "../../src/knowledge/load.ts";
import { importErrorOf } from "../support/errors.ts";
import { article, makeKnowledgeDir } from "../support/knowledge.ts";
import {
  BODY_PARAGRAPHS,
  encodedPage,
  html,
  indexPage,
  JAPANESE,
  KOREAN,
  newsPage,
  startPageServer,
} from "../support/pages.ts";

const file = (name: string, text: string | Buffer): ImportSource => ({
  kind: "file",
  name,
  bytes: typeof text === "string" ? Buffer.from(text) : text,
});

async function problemsOf(promise: Promise<unknown>) {
  return (await importErrorOf(promise, "the import")).problems;
}

describe("importArticle", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let server: Awaited<ReturnType<typeof startPageServer>>;
  const options = () => ({ knowledgeDir: dir, allowPrivate: true });
  const folders: (() => Promise<void>)[] = [];
  /** A knowledge folder of its own, for an import that must not meet the others' articles. */
  const fresh = async () => {
    const made = await makeKnowledgeDir({});
    folders.push(made.cleanup);
    return { knowledgeDir: made.dir, allowPrivate: true };
  };
  before(async () => {
    ({ dir, cleanup } = await makeKnowledgeDir({}));
    server = await startPageServer({
      "/2019/07/01/chemical-export-rules": html(newsPage({ canonical: null })),
      "/euc-kr": html(encodedPage("euc-kr", KOREAN), "text/html"),
      "/shift-jis": html(
        encodedPage("shift_jis", JAPANESE, { declareInMeta: false }),
        "text/html; charset=Shift_JIS",
      ),
      "/asia": html(indexPage()),
      "/plain": html(
        "Neighbours trade barbs\n\nThe two governments exchanged statements about the export rules on Tuesday.\n",
        "text/plain; charset=utf-8",
      ),
    });
  });
  after(async () => {
    await server.close();
    await cleanup();
    for (const remove of folders) await remove();
  });

  it("keeps exactly the article's paragraphs, without banner, byline, caption, dateline, links, prompts or a cut-off end", async () => {
    const imported = await importArticle(file("saved.html", newsPage()), {}, options());
    assert.deepEqual(
      imported.paragraphs.map((paragraph) => paragraph.text),
      [...BODY_PARAGRAPHS],
    );
    assert.doesNotMatch(
      imported.markdown,
      /cookie|Alex Example|Photo:|TESTVILLE|newsletter|Read more|Share this|Related|unless both sides|Injected/i,
    );
  });

  it("takes title, outlet, date and link from the page, and names the file after them", async () => {
    const imported = await importArticle(file("saved.html", newsPage()), {}, options());
    assert.equal(imported.title, "Testland tightens chemical export rules");
    assert.equal(imported.source, "Test Wire");
    assert.equal(imported.published, "2019-07-01");
    assert.equal(imported.url, "https://testwire.example/2019/07/01/chemical-export-rules");
    assert.equal(
      imported.fileName,
      "test-wire-2019-07-01-testland-tightens-chemical-export-rules.md",
    );
  });

  it("finds the date in article:published_time or a <time datetime> too", async () => {
    for (const dateIn of ["meta", "time"] as const) {
      const imported = await importArticle(
        file("saved.html", newsPage({ dateIn, published: "2019-08-02T21:00:00Z" })),
        {},
        options(),
      );
      assert.equal(imported.published, "2019-08-02", dateIn);
    }
  });

  it("writes an article the loader reads with no error, giving the same paragraphs", async () => {
    const imported = await importArticle(
      file("saved.html", newsPage()),
      { tags: ["export controls"] },
      options(),
    );
    await writeArticleAtomically(dir, imported.fileName, imported.markdown);
    const { knowledge, issues } = await loadKnowledge(dir);
    assert.equal(hasErrors(issues), false, JSON.stringify(issues));
    const id = imported.fileName.replace(/\.md$/, "");
    const document = knowledge.documents.find((candidate) => candidate.id === id);
    assert.deepEqual(document?.tags, ["export controls"]);
    assert.deepEqual(
      knowledge.passages
        .filter((passage) => passage.documentId === id)
        .map((passage) => passage.text),
      [...BODY_PARAGRAPHS],
    );
    await assert.rejects(
      writeArticleAtomically(dir, imported.fileName, "overwritten"),
      /already in the knowledge folder/,
    );
    assert.doesNotMatch(await readFile(path.join(dir, imported.fileName), "utf8"), /overwritten/);
    assert.deepEqual(
      (await readdir(dir)).filter((name) => name.endsWith(".tmp")),
      [],
    );
  });

  it("reports an article already in the knowledge, by link or by text, and adds nothing", async () => {
    const byUrl = await problemsOf(
      importArticle(file("again.html", newsPage({ title: "Another headline" })), {}, options()),
    );
    assert.match(
      byUrl[0]?.message ?? "",
      /already in the knowledge: test-wire-2019-07-01-.*\.md has the same link/,
    );
    const byText = await problemsOf(
      importArticle(
        file(
          "copy.html",
          newsPage({ canonical: "https://mirror.example/copy", siteName: "Mirror" }),
        ),
        {},
        options(),
      ),
    );
    assert.match(byText[0]?.message ?? "", /has the same paragraphs/);
  });

  it("reads a URL, using the address it was read from when the page names none", async () => {
    const imported = await importArticle(
      { kind: "url", url: server.url("/2019/07/01/chemical-export-rules") },
      {},
      await fresh(),
    );
    assert.equal(imported.url, server.url("/2019/07/01/chemical-export-rules"));
    assert.equal(imported.paragraphs.length, BODY_PARAGRAPHS.length);
  });

  it("decodes EUC-KR from <meta charset> and Shift_JIS from the Content-Type header", async () => {
    for (const [route, words] of [
      ["/euc-kr", KOREAN],
      ["/shift-jis", JAPANESE],
    ] as const) {
      const imported = await importArticle(
        { kind: "url", url: server.url(route) },
        {},
        await fresh(),
      );
      assert.match(
        imported.paragraphs[0]?.text ?? "",
        new RegExp(`signs with the words ${words.text} on Saturday`),
        route,
      );
    }
  });

  it("asks for what the page does not say, instead of inventing it", async () => {
    const problems = await problemsOf(
      importArticle(
        file("undated.html", newsPage({ published: null, siteName: null, canonical: null })),
        {},
        options(),
      ),
    );
    assert.deepEqual(problems.map((problem) => problem.field).sort(), [
      "published",
      "source",
      "url",
    ]);
    assert.match(
      problems.find((problem) => problem.field === "published")?.message ?? "",
      /no publication date/,
    );
    const given = await importArticle(
      file(
        "undated.html",
        newsPage({ published: null, canonical: "https://testwire.example/undated" }),
      ),
      { published: "2019-07-05", title: "Given title" },
      await fresh(),
    );
    assert.equal(given.published, "2019-07-05");
    assert.equal(given.title, "Given title");
  });

  it("refuses a page that is not an article, such as an index of links", async () => {
    const problems = await problemsOf(
      importArticle({ kind: "url", url: server.url("/asia") }, {}, options()),
    );
    assert.match(problems[0]?.message ?? "", /no article text was found/);
  });

  it("imports plain text and Markdown files, with the fields given", async () => {
    const folder = await fresh();
    const text = await importArticle(
      file("notes.txt", `Ministers meet in the capital\n\n${BODY_PARAGRAPHS[3]}\n`),
      { source: "Test Wire", published: "2019-09-01", url: "https://testwire.example/ministers" },
      folder,
    );
    assert.equal(text.title, "Ministers meet in the capital");
    assert.deepEqual(
      text.paragraphs.map((paragraph) => paragraph.text),
      [BODY_PARAGRAPHS[3]],
    );
    const markdown = await importArticle(
      file(
        "ready.md",
        article(
          {
            title: "Ready made",
            source: "Test Wire",
            url: "https://testwire.example/ready",
            published: "2019-09-02",
          },
          "# Background\n\nThe two sides agreed to meet again in the autumn to discuss the licences.",
        ),
      ),
      {},
      folder,
    );
    assert.equal(markdown.fileName, "test-wire-2019-09-02-ready-made.md");
    assert.equal(markdown.paragraphs[0]?.heading, "Background");
    const plain = await importArticle(
      { kind: "url", url: server.url("/plain") },
      { source: "Test Wire", published: "2019-09-03" },
      folder,
    );
    assert.equal(plain.title, "Neighbours trade barbs");
  });

  it("reads a crawled text the way a page is read: headline found, furniture and a cut-off end left out", async () => {
    const crawled = [
      "date 2019-08-03 We use cookies to personalise content. By continuing to use this site, you agree to our use of cookies.",
      "1. Home",
      "2. World",
      "Go to contents",
      "Testland and its neighbour trade barbs over chemicals",
      "By Alex Example, Test Wire, Staff Writer",
      "Posted Aug. 3, 2019 09:15",
      "FILE PHOTO: Containers at a port in Testville. TESTWIRE/A. Example/File Photo",
      "[Anchor Lead]",
      `TESTVILLE: ${BODY_PARAGRAPHS[0]}`,
      BODY_PARAGRAPHS[1],
      "Source: Test Wire/ae",
      "Analysts said the dispute could drag on for months unless both",
    ].join("\n");
    const imported = await importArticle(
      file("crawled.txt", crawled),
      { source: "Test Wire", published: "2019-08-03", url: "https://testwire.example/crawled" },
      await fresh(),
    );
    assert.equal(imported.title, "Testland and its neighbour trade barbs over chemicals");
    assert.deepEqual(
      imported.paragraphs.map((paragraph) => paragraph.text),
      [BODY_PARAGRAPHS[0], BODY_PARAGRAPHS[1]],
    );
  });

  it("refuses a file of another type or over the size limit", async () => {
    assert.match(
      (await problemsOf(importArticle(file("photo.jpg", "x"), {}, options())))[0]?.message ?? "",
      /import a saved page \(\.html\), Markdown \(\.md\) or text \(\.txt\)/,
    );
    const big = Buffer.alloc(3 * 1024 * 1024, "a");
    assert.match(
      (await problemsOf(importArticle(file("big.html", big), {}, options())))[0]?.message ?? "",
      /over the 2 MiB limit/,
    );
  });

  it("moves a removed article into .removed/, which the loader never reads", async () => {
    const before = await loadKnowledge(dir);
    await writeFile(
      path.join(dir, "gone.md"),
      article(
        {
          title: "Gone",
          source: "Test Wire",
          url: "https://testwire.example/gone",
          published: "2019-07-09",
        },
        "A paragraph that is about to be removed from the knowledge.",
      ),
    );
    await moveToRemoved(dir, "gone.md");
    const afterRemoval = await loadKnowledge(dir);
    assert.deepEqual(
      afterRemoval.knowledge.documents.map((document) => document.id),
      before.knowledge.documents.map((document) => document.id),
    );
    assert.equal(
      (await readdir(path.join(dir, ".removed"))).filter((name) => name.endsWith("-gone.md"))
        .length,
      1,
    );
  });
});
