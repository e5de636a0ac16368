import assert from "node:assert/strict";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { makeKnowledgeDir } from "../support/knowledge.ts";
import { BODY_PARAGRAPHS, html, newsPage, startPageServer } from "../support/pages.ts";
import { runCli } from "../support/spawn.ts";

const FILE = "test-wire-2019-07-01-testland-tightens-chemical-export-rules.md";

describe("npm run import", () => {
  let knowledge: { dir: string; cleanup: () => Promise<void> };
  let saved: string;
  let undated: string;
  let server: Awaited<ReturnType<typeof startPageServer>>;
  before(async () => {
    knowledge = await makeKnowledgeDir({});
    const pages = await mkdtemp(path.join(tmpdir(), "dispute-bot-pages-"));
    saved = path.join(pages, "saved page.html");
    undated = path.join(pages, "undated.html");
    await writeFile(saved, newsPage());
    await writeFile(
      undated,
      newsPage({ published: null, canonical: "https://testwire.example/u" }),
    );
    server = await startPageServer({ "/article": html(newsPage()) });
  });
  after(async () => {
    await server.close();
    await knowledge.cleanup();
    await rm(path.dirname(saved), { recursive: true, force: true });
  });

  const importCli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
    runCli("src/cli/import.ts", [...args, "--knowledge", knowledge.dir], {
      env: { IMPORT_ALLOW_PRIVATE: "false", ...env },
    });

  it("--dry-run shows title, source, date, paragraph count and the first paragraphs, and writes nothing", async () => {
    const { code, stdout } = await importCli([saved, "--dry-run"]);
    assert.equal(code, 0);
    assert.match(stdout, /Title: +Testland tightens chemical export rules/);
    assert.match(stdout, /Source: +Test Wire/);
    assert.match(stdout, /Published: +2019-07-01/);
    assert.match(stdout, /Paragraphs: +4/);
    assert.ok(stdout.includes(BODY_PARAGRAPHS[0]));
    assert.match(stdout, /Dry run: nothing was written/);
    assert.ok(!(await readdir(knowledge.dir)).includes(FILE));
  });

  it("asks for a missing date with its flag, and writes nothing", async () => {
    const { code, stderr } = await importCli([undated]);
    assert.equal(code, 1);
    assert.match(stderr, /no publication date .*\(give it with --published YYYY-MM-DD\)/);
    assert.ok(!(await readdir(knowledge.dir)).some((name) => name.includes("testland")));
  });

  it("writes the article, which then passes check-knowledge, and refuses it a second time", async () => {
    const { code, stdout } = await importCli([saved, "--tags", "export controls,chemicals"]);
    assert.equal(code, 0, stdout);
    assert.match(stdout, new RegExp(`Added .*${FILE}`));
    const check = await runCli("src/cli/check-knowledge.ts", ["--knowledge", knowledge.dir]);
    assert.equal(check.code, 0, check.stdout);
    const again = await importCli([saved]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already in the knowledge/);
  });

  it("reads a URL only with IMPORT_ALLOW_PRIVATE=true when the site is on this machine", async () => {
    const refused = await importCli([server.url("/article"), "--dry-run"]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /private, loopback or link-local/);
    const allowed = await importCli([server.url("/article"), "--dry-run"], {
      IMPORT_ALLOW_PRIVATE: "true",
    });
    assert.match(allowed.stderr, /already in the knowledge/, "it was read, then found a duplicate");
  });

  it("checks its flags", async () => {
    const { code, stderr } = await importCli([saved, "--published", "July 1"]);
    assert.equal(code, 2);
    assert.match(stderr, /published: the date must be written YYYY-MM-DD/);
  });
});
