import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { describe, it } from "node:test";
import { parseArticle } from "../../src/knowledge/parse.ts";
import { SEED_FILE } from "../support/knowledge.ts";

describe("the seed article (plain text with a crawl header)", async () => {
  const text = await readFile(SEED_FILE, "utf8");
  const parsed = parseArticle("dw-seed.txt", text);

  it("reads title, source and the article's own date from the header", () => {
    assert.equal(parsed.document?.title, "South Korea scraps intelligence sharing with Japan");
    assert.equal(parsed.document?.source, "DW");
    assert.equal(
      parsed.document?.published,
      "2019-08-22",
      "the article date wins over the crawl date 2019-08-06",
    );
  });

  it("keeps the eight paragraphs of the article, verbatim, with the line each starts on", () => {
    assert.equal(parsed.paragraphs.length, 8);
    assert.equal(parsed.paragraphs[0]?.line, 7);
    assert.match(parsed.paragraphs[0]?.text ?? "", /^South Korea has cut intelligence cooperation/);
    assert.equal(parsed.paragraphs[7]?.line, 31);
    const lines = text.split("\n");
    for (const paragraph of parsed.paragraphs) {
      assert.ok(
        lines[paragraph.line - 1]?.includes(paragraph.text),
        `line ${paragraph.line} holds the paragraph`,
      );
    }
  });

  it("drops the section label, caption, video blocks and agency credit", () => {
    const texts = parsed.paragraphs.map((paragraph) => paragraph.text);
    for (const boilerplate of [
      "News",
      "Flags of South Korea, Japan",
      "Solution sought in South Korea-Japan trade spat",
      "South Korea demands apology from Japan for wartime past",
    ]) {
      assert.ok(!texts.includes(boilerplate), `"${boilerplate}" is not a passage`);
    }
    assert.ok(!texts.some((text) => /^Watch video|\(AP, Reuters\)/.test(text)));
  });
});

describe("Markdown articles", () => {
  const header =
    "---\ntitle: T\nsource: S\nurl: https://example.org/a\npublished: 2019-08-02\n---\n";

  it("splits paragraphs at blank lines and uses headings as context, never as passages", () => {
    const parsed = parseArticle(
      "a.md",
      `${header}\n# Export controls\n\nJapan tightened exports of three chemicals to South Korea in July 2019.\nThe rule took effect on 4 July.\n\n## Reactions\n\nSeoul called the measure economic retaliation for the court rulings.\n`,
    );
    assert.deepEqual(
      parsed.paragraphs.map((paragraph) => [paragraph.line, paragraph.heading, paragraph.text]),
      [
        [
          10,
          "Export controls",
          "Japan tightened exports of three chemicals to South Korea in July 2019. The rule took effect on 4 July.",
        ],
        [15, "Reactions", "Seoul called the measure economic retaliation for the court rulings."],
      ],
    );
  });

  it("reports a missing title at the front matter line, with the fix", () => {
    const parsed = parseArticle(
      "b.md",
      "---\nsource: S\nurl: https://example.org\npublished: 2019-08-02\n---\n\nText here.\n",
    );
    assert.equal(parsed.document, undefined);
    assert.equal(parsed.issues[0]?.file, "b.md");
    assert.equal(parsed.issues[0]?.line, 2);
    assert.match(parsed.issues[0]?.message ?? "", /title is required/);
  });

  it("reports a bad date and a bad url on their own lines", () => {
    const parsed = parseArticle(
      "c.md",
      "---\ntitle: T\nsource: S\nurl: not a link\npublished: 22.08.2019\n---\n\nText here.\n",
    );
    const byLine = new Map(parsed.issues.map((issue) => [issue.line, issue.message]));
    assert.match(byLine.get(4) ?? "", /url must be an http/);
    assert.match(byLine.get(5) ?? "", /YYYY-MM-DD/);
  });

  it("reports invalid YAML with its line", () => {
    const parsed = parseArticle(
      "d.md",
      "---\ntitle: T\nsource: [S\nurl: https://example.org\n---\n\nText.\n",
    );
    assert.ok(parsed.issues.length > 0);
    assert.ok((parsed.issues[0]?.line ?? 0) >= 2);
    assert.match(parsed.issues[0]?.message ?? "", /not valid YAML/);
  });

  it("says to quote a front-matter value that holds a colon", () => {
    const parsed = parseArticle(
      "n.md",
      "---\ntitle: Steelmaker : to appeal the ruling\nsource: Test Wire\nurl: https://example.org/a\npublished: 2020-08-04\n---\n\nText here.\n",
    );
    assert.equal(parsed.issues[0]?.line, 2);
    assert.match(
      parsed.issues[0]?.message ?? "",
      /put the value in quotes: title: "Steelmaker : to appeal the ruling"/,
    );
  });

  it("quotes the suggested value so that it reads back as typed, and keeps the other errors", () => {
    const backslash = parseArticle(
      "n.md",
      "---\ntitle: Yen\\dollar: rates\nsource: Test Wire\nurl: https://example.org/a\npublished: 2020-08-04\n---\n\nText.\n",
    );
    assert.match(backslash.issues[0]?.message ?? "", /title: 'Yen\\dollar: rates'$/);
    const twice = parseArticle(
      "n.md",
      "---\ntitle: A\ntitle: B: C\nsource: Test Wire\nurl: https://example.org/a\npublished: 2020-08-04\n---\n\nText.\n",
    );
    const messages = twice.issues.map((issue) => issue.message).join(" | ");
    assert.match(messages, /Map keys must be unique/);
    assert.match(messages, /put the value in quotes: title: "B: C"/);
  });

  it("asks for front matter when there is none", () => {
    const parsed = parseArticle("e.md", "Just some text.\n");
    assert.match(parsed.issues[0]?.message ?? "", /must start with front matter/);
    assert.equal(parsed.issues[0]?.line, 1);
  });
});

describe("other plain-text crawls", () => {
  it("reads a header without pipes, finds the agency in the dateline, and drops site furniture", () => {
    const parsed = parseArticle(
      "yonhap.txt",
      [
        " date 2019-11-22 (LEAD) S. Korea decides to 'conditionally' suspend termination of Seoul-Tokyo military pact",
        "url https://en.yna.co.kr/view/AEN20191122008800315",
        'SEOUL, Nov. 22 (Yonhap) -- South Korea announced a decision Friday to "conditionally" suspend the expiry of a military information-sharing accord with Japan.',
        "",
        "The announcement was made six hours before the expiry of the agreement, scheduled at the end of the day.",
        "",
        "(END)",
        "",
        "South Korean President Moon Jae-in spoke in Seoul (picture-alliance/AP Photo/A. Young-joon)",
        "",
        "(C) Yonhap News Agency. All Rights Reserved",
      ].join("\n"),
    );
    assert.equal(parsed.document?.source, "Yonhap");
    assert.equal(parsed.document?.published, "2019-11-22");
    assert.equal(parsed.document?.url, "https://en.yna.co.kr/view/AEN20191122008800315");
    assert.deepEqual(
      parsed.paragraphs.map((paragraph) => paragraph.line),
      [3, 5],
    );
    assert.ok(parsed.issues.every((issue) => issue.severity === "warning"));
  });

  it("drops the footer of a crawled DW page", () => {
    const parsed = parseArticle(
      "dw-boycott.txt",
      [
        " date 2019-08-06  Japanese goods boycott spreads in South Korea | News | DW | 06.08.2019",
        "",
        "South Korean shoppers are shunning Japanese beer, clothes and cars as the trade dispute deepens.",
        "",
        "Date 06.08.2019",
        "",
        "Related Subjects South Korea, Japan",
        "",
        "Keywords South Korea, Japan, boycott, trade dispute, Uniqlo",
        "",
        "Feedback: Send us your feedback.",
        "",
        "Print Print this page",
        "",
        "Permalink https://p.dw.com/p/3NQ7c",
      ].join("\n"),
    );
    assert.deepEqual(
      parsed.paragraphs.map((paragraph) => paragraph.text),
      [
        "South Korean shoppers are shunning Japanese beer, clothes and cars as the trade dispute deepens.",
      ],
    );
  });

  it("accepts a text without a header, undated and with a warning, rather than failing the whole folder", () => {
    const parsed = parseArticle(
      "notes.txt",
      "Talks on export controls\n\nOfficials from both governments met in Tokyo to discuss the export controls again.\n",
    );
    assert.equal(parsed.document?.title, "Talks on export controls");
    assert.equal(parsed.document?.published, "");
    assert.equal(parsed.paragraphs.length, 1);
    assert.ok(
      parsed.issues.length > 0 && parsed.issues.every((issue) => issue.severity === "warning"),
    );
  });
});

describe("real articles as admins add them", () => {
  const front = (extra: string) =>
    `---\ntitle: A test story\nsource: Test Wire\nurl: https://example.org/story\n${extra}---\n\n`;
  const body = [
    "SEOUL: South Korea formally notified Japan of its decision to end the pact on Friday.",
    "TOKYO (Test Wire) - Japan's foreign minister said the decision was deeply regrettable and unwise.",
    "[Soundbite] Park Min-su (Test Wire Analyst) : Both governments will need to find a way back to the table soon.",
    '[Sound bite: Test Wire Minister Lee Ji-ho (Korean)]\n"Better late than never: we will gladly join hands with Tokyo."',
    "[Interview] Choi Yu-na (Test Wire Reporter): Exports of the chemicals fell by half in August.",
    "Chipmakers such as Example Electronics (KRX: 012345) and Sample Semicon (067890.KS) rely on the three chemicals.",
    "The plaintiffs sued Example Steel Corp. <5401> and Sample Heavy Industries Ltd. <7011> in 2015.",
    "WASHINGTON, Aug. 23 (Test Wire) -- The State Department urged both allies to keep talking.",
    "SEOUL, South Korea (Test Wire) — Seoul said it would keep the pact for now.",
    "SEOUL, Korea, Republic Of - Squeezed between two allies, Seoul must decide this week.",
    "Tokyo—Seoul ties have hit their lowest point in decades, analysts said.",
    "GSOMIA: The pact lets the two allies share military secrets directly.",
    "The last paragraph of this saved page was cut off in the middle of a sentence because the page never fin",
  ].join("\n\n");

  it("loads an article without a published date, undated and with a warning that says what to add", () => {
    const parsed = parseArticle("story.md", `${front("")}${body}\n`);
    assert.equal(parsed.document?.published, "");
    assert.ok(parsed.issues.every((issue) => issue.severity === "warning"));
    assert.match(parsed.issues[0]?.message ?? "", /published: YYYY-MM-DD/);
  });

  it("says what to write when the date is not one", () => {
    const parsed = parseArticle("story.md", `${front("published: 20190823\n")}${body}\n`);
    assert.equal(parsed.issues[0]?.severity, "error");
    assert.equal(parsed.issues[0]?.line, 5);
    assert.match(
      parsed.issues[0]?.message ?? "",
      /"20190823" is not a date; write it as YYYY-MM-DD/,
    );
  });

  it("dates an article by the day of a date-time", () => {
    const parsed = parseArticle(
      "story.md",
      `${front("published: 2019-08-23T09:30:00+09:00\n")}${body}\n`,
    );
    assert.equal(parsed.document?.published, "2019-08-23");
  });

  it("quotes a paragraph's own words: no dateline (a colon one only before the first), speaker label or stock code, no cut-off last paragraph", () => {
    const parsed = parseArticle("story.md", `${front("published: 2019-08-23\n")}${body}\n`);
    assert.deepEqual(
      parsed.paragraphs.map((paragraph) => paragraph.text),
      [
        "South Korea formally notified Japan of its decision to end the pact on Friday.",
        "Japan's foreign minister said the decision was deeply regrettable and unwise.",
        "Both governments will need to find a way back to the table soon.",
        '"Better late than never: we will gladly join hands with Tokyo."',
        "Exports of the chemicals fell by half in August.",
        "Chipmakers such as Example Electronics and Sample Semicon rely on the three chemicals.",
        "The plaintiffs sued Example Steel Corp. and Sample Heavy Industries Ltd. in 2015.",
        "The State Department urged both allies to keep talking.",
        "Seoul said it would keep the pact for now.",
        "Squeezed between two allies, Seoul must decide this week.",
        "Tokyo—Seoul ties have hit their lowest point in decades, analysts said.",
        "GSOMIA: The pact lets the two allies share military secrets directly.",
      ],
    );
  });

  it("keeps a short paragraph, or the last one, that ends on a closing quote mark", () => {
    const parsed = parseArticle(
      "story.md",
      `${front("published: 2019-08-23\n")}Seoul called the move \u201ca betrayal\u201d\n\nA spokesman said the talks would go on despite the \u201cgrave change\u201d\n`,
    );
    assert.deepEqual(
      parsed.paragraphs.map((paragraph) => paragraph.text),
      [
        "Seoul called the move \u201ca betrayal\u201d",
        "A spokesman said the talks would go on despite the \u201cgrave change\u201d",
      ],
    );
  });

  it("drops the datelines of other wires: a date alone, a slash between places, a colon or no dash after the agency", () => {
    const first = (paragraph: string) =>
      parseArticle("story.md", `${front("published: 2019-08-23\n")}${paragraph}\n`).paragraphs[0]
        ?.text;
    const said = "Officials said the talks would resume next month.";
    for (const dateline of [
      "July 15 (Test Wire) -- ",
      "Nov. 26 (Test Wire) -- ",
      "SEOUL, Jan 9 (Test Wire): ",
      "SEOUL, Mar. 25 (Test Wire)",
      "TOKYO/SEOUL (Test Wire) — ",
      "SEOUL/NAGOYA -- ",
    ]) {
      assert.equal(first(`${dateline}${said}`), said, dateline);
    }
    for (const prose of [
      "July 15 - the day the curbs began - was a Monday, officials said.",
      "GSOMIA (the pact): It lets the two allies share military secrets directly.",
      "Tokyo/Seoul talks resumed in December, officials said.",
    ]) {
      assert.equal(first(prose), prose);
    }
  });

  it("keeps the place a dateline names, written as a place, though the paragraph is quoted without it", () => {
    const placeOf = (text: string) =>
      parseArticle("story.md", `${front("published: 2019-12-24\n")}${text}\n`).document?.dateline;
    const said = "Officials said the talks would resume next month.";
    assert.equal(placeOf(`CHENGDU, China, Dec. 24 (Test Wire) -- ${said}`), "Chengdu, China");
    assert.equal(placeOf(`TOKYO/SEOUL (Test Wire) — ${said}`), "Tokyo/Seoul");
    assert.equal(placeOf(`NEW YORK, Nov. 15, 2019 (Test Wire) – ${said}`), "New York");
    assert.equal(placeOf(`SEOUL: ${said}`), "Seoul");
    // A date alone places nothing; prose that starts with a place is no dateline.
    assert.equal(placeOf(`July 15 (Test Wire) -- ${said}`), undefined);
    assert.equal(placeOf(`Tokyo/Seoul talks resumed in December, officials said.`), undefined);
    // A later paragraph's dateline counts when the first has none.
    assert.equal(placeOf(`${said}\n\nBUSAN (Test Wire) -- ${said}`), "Busan");
  });

  it("drops a wire's credit after the last sentence of a paragraph, not one inside it", () => {
    const texts = (paragraph: string) =>
      parseArticle("story.md", `${front("published: 2019-08-23\n")}${paragraph}\n`).paragraphs.map(
        (kept) => kept.text,
      );
    const said =
      "Speaking at a press conference, the minister said Seoul would need to improve its own export controls first.";
    assert.deepEqual(texts(`${said} (Kyodo)`), [said]);
    assert.deepEqual(texts(`${said} (AP, Reuters)`), [said]);
    const inside =
      "The talks, reported by a wire (Kyodo) on Monday, went on for three long days in Tokyo.";
    assert.deepEqual(texts(inside), [inside]);
  });

  it("keeps a paragraph that merely starts with a capitalised name", () => {
    const parsed = parseArticle(
      "story.md",
      `${front("published: 2019-08-23\n")}GSOMIA, signed in 2016, lets the two allies share military secrets directly.\n`,
    );
    assert.equal(
      parsed.paragraphs[0]?.text,
      "GSOMIA, signed in 2016, lets the two allies share military secrets directly.",
    );
  });
});
