import assert from "node:assert/strict";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, describe, it } from "node:test";
import { KnowledgeStore } from "../src/store.ts";
import { article, BOYCOTT_ARTICLE, makeKnowledgeDir } from "./support/knowledge.ts";

describe("KnowledgeStore.reload", () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(() => Promise.all(cleanups.map((cleanup) => cleanup())));

  it("keeps answering from the old index while it rebuilds 10,000 paragraphs, then swaps", async () => {
    const { dir, cleanup } = await makeKnowledgeDir({});
    cleanups.push(cleanup);
    const { store } = await KnowledgeStore.open(dir);
    const before = store.engine;
    await mkdir(path.join(dir, "archive"));
    for (let file = 0; file < 100; file++) {
      const paragraphs = Array.from(
        { length: 100 },
        (_, paragraph) =>
          `Archive note ${file}-${paragraph}: officials from Seoul and Tokyo met again about export licences and the pact, and agreed to keep talking.`,
      );
      await writeFile(
        path.join(dir, "archive", `notes-${file}.md`),
        article(
          {
            title: `Archive notes ${file}`,
            source: "Archive",
            url: `https://example.org/${file}`,
            published: "2019-12-01",
          },
          paragraphs.join("\n\n"),
        ),
      );
    }

    const reloading = store.reload();
    let servedDuringReload = 0;
    let finished = false;
    void reloading.then(() => {
      finished = true;
    });
    while (!finished) {
      const answer = store.engine.ask("why did korea drop gsomia");
      if (!finished) {
        assert.equal(store.engine, before, "the old engine answers until the new one is complete");
        assert.equal(answer.kind, "answer");
        servedDuringReload += 1;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const summary = await reloading;
    assert.ok(
      servedDuringReload > 1,
      `questions were answered during the rebuild (${servedDuringReload})`,
    );
    assert.equal(summary.ok, true);
    assert.ok(summary.passages >= 10_000);
    assert.notEqual(store.engine, before);
    assert.equal(store.engine.stats.passages, summary.passages);
  });

  it("refuses a reload that would follow a link out of the folder, and keeps the old index", async () => {
    const outside = await makeKnowledgeDir({}, { base: "empty" });
    const { dir, cleanup } = await makeKnowledgeDir({});
    cleanups.push(cleanup, outside.cleanup);
    const { store } = await KnowledgeStore.open(dir);
    const documents = store.engine.stats.documents;
    await writeFile(path.join(outside.dir, "private.md"), BOYCOTT_ARTICLE);
    await symlink(path.join(outside.dir, "private.md"), path.join(dir, "linked.md"));
    const summary = await store.reload();
    assert.equal(summary.ok, false);
    const error = summary.issues.find((issue) => issue.file === "linked.md");
    assert.ok(error?.message.includes(outside.dir), error?.message);
    assert.equal(store.engine.stats.documents, documents);
    const answer = store.engine.ask("did koreans boycott uniqlo?");
    assert.ok(answer.kind !== "answer" || answer.passage.source !== "Example News");
  });
});
