import { frontMatterSchema } from "./schema.ts";
import type { KnowledgeDocument, KnowledgeIssue, Reference } from "./types.ts";
import { parseAndValidate } from "./yaml.ts";

/** A paragraph as it stands in its file, before it joins a KnowledgeBase. */
export interface ParsedParagraph {
  readonly line: number;
  readonly heading: string | undefined;
  readonly text: string;
  readonly references: readonly Reference[];
}

export interface ParsedArticle {
  readonly document: KnowledgeDocument | undefined;
  readonly paragraphs: readonly ParsedParagraph[];
  readonly issues: readonly KnowledgeIssue[];
}

interface Block {
  readonly line: number;
  readonly lines: readonly string[];
}

const SEED_HEADER = /^date (\d{4}-\d{2}-\d{2})\s+(.+)$/;
const ARTICLE_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const VIDEO_MARKER = /^(watch|play) (video|audio)\b.*\d{1,2}:\d{2}$/i;
/** "cw/ng (AP, Reuters)", "(AFP, dpa)": the editors' initials and the wire agencies. */
const AGENCY_CREDIT =
  /^([\p{L}]{1,5}(\/[\p{L}]{1,5})*\s*)?\((\s*[\p{L}][\p{L}.&-]*\s*)(,\s*[\p{L}][\p{L}.&-]*\s*)*\)$/u;
/**
 * The end of a sentence, perhaps inside quotes or brackets: `said.`, `matter."`, `(Aug. 7).`, or
 * a closing quote mark alone: `He called it “a betrayal”`.
 */
const SENTENCE_END = /[.!?…:;]["'”’)\]]*$|["”’]$/u;
const MARKDOWN_HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
/** An image caption ends with its photo credit: "(picture-alliance/AP Photo/A. Young-joon)". */
const PHOTO_CREDIT =
  /\((picture[- ]alliance|getty|imago|ap photo|afp|epa|dpa|reuters|yonhap|kyodo)\b[^)]*\/[^)]*\)$|\((photo|picture|image|credit)[^)]*\)$/i;
/**
 * Lines that wrap an article on a news site: end marks, copyright, share and subscribe prompts,
 * and the footer of a DW page (feedback, print, permalink).
 */
const SITE_FURNITURE =
  /^(\(END\)|\(C\)\s|©|copyright\b|all rights reserved|advertisement$|read more\b|related (articles|stories|topics|content)\b|share (this|on)\b|follow us\b|sign up\b|subscribe\b|click here\b|url:?\s+https?:|https?:\/\/\S+$|feedback:|send us your feedback\b|print this page\b|permalink\b|skip next section\b|audios and videos on the topic\b|related subjects\b)/i;
/** "SEOUL", "TOKYO/SEOUL", "SEOUL/NAGOYA", "NEW YORK": the place of a dateline, in capitals. */
const DATELINE_PLACE = "[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+)*";
/** ", South Korea", ", Korea, Republic Of": the country after the place, never a date. */
const DATELINE_REGION = String.raw`(?:, (?![A-Z][a-z]{2,8}\.? \d)\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*){0,2}){0,2}`;
/** "Aug. 23", "April 21", "Jan 9", "Nov. 15, 2019". */
const DATELINE_DATE = String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2}(?:, \d{4})?`;
const DATELINE_AGENCY = String.raw`\([\p{L}. ,&/-]{2,40}\)`;
const DATELINE_DASH = "(?:--|—|–|-)";
/**
 * A wire dateline before a paragraph's first words: "SEOUL, Aug. 23 (Yonhap) --", "TOKYO (Reuters) -",
 * "WASHINGTON, Nov. 15, 2019 (AFP) –", "SEOUL, South Korea (AP) —", "TOKYO/SEOUL (Reuters) —", as a
 * syndicated copy prints it, "SEOUL, Korea, Republic Of -", a date alone before the agency,
 * "July 15 (UPI) --", and after the agency a colon, "SEOUL, Jan 9 (Reuters):", or nothing where a
 * page lost the dash, "SEOUL, Mar. 25 (Korea Bizwire)A South Korean…". It places the story; it is
 * not the paragraph's words. The place must be in capitals: "Seoul--The government…" stays, since
 * "Tokyo—Seoul ties…" is prose; a date alone needs its agency: "July 15 - the day…" stays.
 */
const DATELINE = new RegExp(
  [
    `^${DATELINE_PLACE}${DATELINE_REGION}(?:, ${DATELINE_DATE})?(?: ?${DATELINE_AGENCY})? ?${DATELINE_DASH} +(?=\\S)`,
    // With a date and an agency, the dash may be a colon or lost: no prose starts so.
    `^(?:${DATELINE_PLACE}${DATELINE_REGION}, )?${DATELINE_DATE} ?${DATELINE_AGENCY}(?: ?${DATELINE_DASH} +|: +|(?=\\p{Lu}))(?=\\S)`,
  ].join("|"),
  "u",
);
/**
 * "SEOUL: South Korea said…": a dateline with a colon, only before an article's first paragraph;
 * elsewhere "GSOMIA: The pact…" or "NOTE: The figures…" are the paragraph's own words.
 */
const COLON_DATELINE = /^[A-Z][A-Z.'’ -]{2,30}:\s+(?=\p{Lu})/u;
/** The place a dateline opens with, and the region after it: "CHENGDU, China" of "CHENGDU, China, Dec. 24 (Yonhap) --". */
const DATELINE_PLACE_AT_START = new RegExp(`^${DATELINE_PLACE}${DATELINE_REGION}`, "u");
/**
 * A broadcast transcript's speaker label: "[Soundbite] Kim Hyun-jong (Deputy Director) :",
 * "[Sound bite: President Moon Jae-in (Korean)]". The name before a colon must end in a space or
 * a bracket, as labels do and sentences never do ("Better late than never: if Japan…").
 */
const SPEAKER_LABEL =
  /^\[(?:[^\]]{2,30}|(?:sound ?bites?|interview|reporter|narration|anchor|stand-?up|voice)\b[^\]]{0,80})\]\s*(?:\p{Lu}[^:.!?"“]{1,79}?(?:\s|\))\s*:\s+)?(?=\S)/iu;
/** A stock listing in the text: "(KRX: 005930)", "(005930.KS)", "(TYO: 7011)", Jiji's "<7011>". */
const STOCK_CODE = /\s*(?:\((?:[A-Z]{2,6}:\s*\d{4,6}|\d{4,6}\.[A-Z]{1,3})\)|<\d{4}>)/gu;
const MARKDOWN_NOISE = /^(!\[.*\]\(.*\)|<!--.*-->|([-*_])\s*(\2\s*){2,})$/;
/** A short line without a sentence's closing punctuation is a label, caption or video title. */
const MIN_WORDS_OF_UNPUNCTUATED_PARAGRAPH = 12;

export function parseArticle(file: string, text: string): ParsedArticle {
  const id = file.replace(/\.[^./]+$/, "");
  return /\.txt$/i.test(file) ? parsePlainText(file, id, text) : parseMarkdown(file, id, text);
}

function parseMarkdown(file: string, id: string, text: string): ParsedArticle {
  const lines = splitLines(text);
  if (lines[0]?.trim() !== "---") {
    return failed(
      file,
      1,
      "a Markdown article must start with front matter: a line `---`, then title, source, url, published, then `---`",
    );
  }
  const closing = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  if (closing < 0) {
    return failed(file, 1, "the front matter is not closed: add a line `---` after its last field");
  }
  const validated = parseAndValidate(lines.slice(1, closing).join("\n"), frontMatterSchema, 2);
  if (!validated.ok) {
    return {
      document: undefined,
      paragraphs: [],
      issues: validated.problems.map((problem) => ({ severity: "error", file, ...problem })),
    };
  }
  const meta = validated.value;
  const references = Object.entries(meta.references).map(([referenceId, reference]) => ({
    id: referenceId,
    ...reference,
  }));
  const { paragraphs, dateline } = paragraphsOf(blocksOf(lines, closing + 1), meta.title, true);
  const document: KnowledgeDocument = {
    id,
    file,
    ...meta,
    url: meta.url,
    published: meta.published ?? "",
    references,
    dateline,
  };
  const issues = meta.published
    ? []
    : [
        warning(
          file,
          2,
          "no published date: the article is cited undated; add `published: YYYY-MM-DD` to the front matter",
        ),
      ];
  const cited =
    meta.kind === "fact-sheet" || references.length > 0
      ? citeParagraphs(file, meta.kind, references, paragraphs, issues, (referenceId) =>
          validated.lineOf(["references", referenceId]),
        )
      : paragraphs;
  return withParagraphCheck(file, document, cited, issues);
}

function parsePlainText(file: string, id: string, text: string): ParsedArticle {
  const lines = splitLines(text);
  const issues: KnowledgeIssue[] = [];
  const header = SEED_HEADER.exec(lines[0]?.trim() ?? "");
  let title: string;
  let source: string | undefined;
  let published: string;
  if (header) {
    const [, crawlDate = "", rest = ""] = header;
    const fields = rest.split(/\s+\|\s+/).map((field) => field.trim());
    const articleDate = toIsoDate(fields.at(-1) ?? "");
    if (articleDate) fields.pop();
    title = fields[0] ?? "";
    source = fields.length > 1 ? fields.at(-1) : undefined;
    published = articleDate ?? crawlDate;
  } else {
    title = lines.find((line) => line.trim() !== "")?.trim() ?? "";
    published = "";
    issues.push(
      warning(
        file,
        1,
        "no header line `date YYYY-MM-DD  Title | Section | Source | DD.MM.YYYY`: the first line is taken as the title and the article is undated",
      ),
    );
  }
  const bodyStart = header ? 1 : lines.findIndex((line) => line.trim() !== "") + 1;
  const link = lines
    .slice(bodyStart)
    .find((line) => line.trim() !== "")
    ?.trim()
    .match(LINK_LINE)?.[1];
  source ??= inferSource(lines.slice(bodyStart).join("\n"));
  if (!source) {
    source = "unknown source";
    issues.push(
      warning(
        file,
        1,
        "no source found: name it in the header (`Title | Section | Source | DD.MM.YYYY`)",
      ),
    );
  }
  if (!link) {
    issues.push(
      warning(
        file,
        1,
        "a .txt article has no link, so its citation has none; add a line `url https://…` under the header, or convert it to Markdown",
      ),
    );
  }
  const { paragraphs, dateline } = paragraphsOf(blocksOf(lines, bodyStart), title, false);
  const document: KnowledgeDocument = {
    id,
    file,
    title,
    source,
    url: link,
    published,
    tags: [],
    kind: "article",
    references: [],
    language: "en",
    dateline,
  };
  return withParagraphCheck(file, document, paragraphs, issues);
}

/** "(Yonhap)", "(AP, Reuters)": the agency a wire story names in its dateline or credit. */
const AGENCY =
  /\(((?:Yonhap|AP|AFP|Reuters|Kyodo|Xinhua|Jiji(?: Press)?|dpa|Bloomberg|NHK|UPI)(?:,\s*(?:Yonhap|AP|AFP|Reuters|Kyodo|Xinhua|Jiji(?: Press)?|dpa|Bloomberg|NHK|UPI))*)\)/;
const LINK_LINE = /^(?:url:?\s+)?(https?:\/\/\S+)$/i;

/** The `[^id]` markers that end a paragraph, with the space before them. */
const TRAILING_MARKERS = /(?:\s*\[\^[^\]\s]*\])+$/u;
const MARKER = /\[\^([^\]\s]*)\]/gu;
const MARKER_INSIDE = /\[\^[^\]\s]*\]/u;

/**
 * Strips each paragraph's `[^id]` markers from its quoted text and resolves them to the front
 * matter's references. A fact-sheet paragraph must cite at least one; a reference no paragraph
 * cites is a warning.
 */
function citeParagraphs(
  file: string,
  kind: KnowledgeDocument["kind"],
  references: readonly Reference[],
  paragraphs: readonly ParsedParagraph[],
  issues: KnowledgeIssue[],
  referenceLine: (id: string) => number | undefined,
): ParsedParagraph[] {
  const byId = new Map(references.map((reference) => [reference.id, reference]));
  const used = new Set<string>();
  const known = references.map((reference) => reference.id).join(", ") || "none yet";
  const cited = paragraphs.map((paragraph) => {
    const trailing = TRAILING_MARKERS.exec(paragraph.text)?.[0] ?? "";
    const text = paragraph.text.slice(0, paragraph.text.length - trailing.length).trimEnd();
    if (MARKER_INSIDE.test(text)) {
      issues.push(
        error(
          file,
          paragraph.line,
          "a [^id] marker stands inside the paragraph; move the markers to its end, after the last sentence",
        ),
      );
    }
    const ids = [...new Set([...trailing.matchAll(MARKER)].map((match) => match[1] ?? ""))];
    if (ids.length === 0 && kind === "fact-sheet") {
      issues.push(
        error(
          file,
          paragraph.line,
          `a fact-sheet paragraph must name its sources: end it with one or more markers such as [^${references[0]?.id ?? "outlet-2019-07-01"}], each an id under references: in the front matter`,
        ),
      );
    }
    const resolved: Reference[] = [];
    for (const referenceId of ids) {
      const reference = byId.get(referenceId);
      if (reference) {
        used.add(referenceId);
        resolved.push(reference);
      } else {
        issues.push(
          error(
            file,
            paragraph.line,
            `[^${referenceId}] is not under references: in the front matter; add it there (outlet, title, published, url) or use one of: ${known}`,
          ),
        );
      }
    }
    return { ...paragraph, text, references: resolved };
  });
  for (const reference of references) {
    if (!used.has(reference.id)) {
      issues.push(
        warning(
          file,
          referenceLine(reference.id) ?? 2,
          `the reference ${reference.id} is cited by no paragraph; cite it with [^${reference.id}] or remove it`,
        ),
      );
    }
  }
  return cited;
}

function inferSource(body: string): string | undefined {
  return AGENCY.exec(body)?.[1];
}

function warning(file: string, line: number, message: string): KnowledgeIssue {
  return { severity: "warning", file, line, message };
}

function error(file: string, line: number, message: string): KnowledgeIssue {
  return { severity: "error", file, line, message };
}

function withParagraphCheck(
  file: string,
  document: KnowledgeDocument,
  paragraphs: ParsedParagraph[],
  issues: KnowledgeIssue[],
): ParsedArticle {
  if (paragraphs.length === 0) {
    issues.push({
      severity: "error",
      file,
      line: undefined,
      message:
        "the article has no paragraph to quote; paragraphs are separated by blank lines and end like sentences",
    });
  }
  return { document, paragraphs, issues };
}

function failed(file: string, line: number, message: string): ParsedArticle {
  return {
    document: undefined,
    paragraphs: [],
    issues: [{ severity: "error", file, line, message }],
  };
}

function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
}

/** Blocks of consecutive non-blank lines, from `startIndex` on; lines are 1-based in the result. */
function blocksOf(lines: readonly string[], startIndex: number): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  let currentLine = 0;
  for (let index = startIndex; index <= lines.length; index++) {
    const line = lines[index];
    if (line === undefined || line.trim() === "") {
      if (current.length > 0) blocks.push({ line: currentLine, lines: current });
      current = [];
      continue;
    }
    if (current.length === 0) currentLine = index + 1;
    current.push(line.trim());
  }
  return blocks;
}

/**
 * An article's quotable paragraphs, and the place its wire dateline names ("Chengdu, China"): the
 * paragraphs are quoted without the dateline, but the story happened there.
 */
function paragraphsOf(
  blocks: readonly Block[],
  title: string,
  markdown: boolean,
): { paragraphs: ParsedParagraph[]; dateline: string | undefined } {
  const paragraphs: ParsedParagraph[] = [];
  let dateline: string | undefined;
  let heading: string | undefined;
  let skipNext = false;
  for (const block of blocks) {
    if (skipNext) {
      skipNext = false;
      continue;
    }
    let lines = block.lines;
    let line = block.line;
    if (markdown) {
      const headingMatch = MARKDOWN_HEADING.exec(lines[0] ?? "");
      if (headingMatch) {
        heading = headingMatch[2] || undefined;
        lines = lines.slice(1);
        line += 1;
        if (lines.length === 0) continue;
      }
      lines = lines.filter((text) => !MARKDOWN_NOISE.test(text));
      if (lines.length === 0) continue;
    }
    while (lines[0] !== undefined && LINK_LINE.test(lines[0])) {
      lines = lines.slice(1);
      line += 1;
    }
    if (lines.length === 0) continue;
    const text = lines
      .join(" ")
      .replace(/[ \t\u00a0]+$/u, "")
      .trim();
    if (VIDEO_MARKER.test(text)) {
      skipNext = true;
      continue;
    }
    if (isBoilerplate(text, title)) continue;
    const first = paragraphs.length === 0;
    dateline ??= datelinePlace(text, first);
    const quoted = withoutFurniture(first ? text.replace(COLON_DATELINE, "") : text);
    if (quoted !== "") paragraphs.push({ line, heading, text: quoted, references: [] });
  }
  // A page saved or crawled before it finished loading ends mid-sentence: that is not a quote.
  const last = paragraphs.at(-1);
  if (last && paragraphs.length > 1 && !endsLikeSentence(last.text)) paragraphs.pop();
  return { paragraphs, dateline };
}

/**
 * The place a paragraph's dateline names, as a place is written: "Chengdu, China" of "CHENGDU,
 * China, Dec. 24 (Yonhap) --", "Tokyo/Seoul" of "TOKYO/SEOUL (Reuters) —"; none for a date alone.
 */
function datelinePlace(text: string, first: boolean): string | undefined {
  const dateline = DATELINE.exec(text)?.[0] ?? (first ? COLON_DATELINE.exec(text)?.[0] : undefined);
  const place = dateline && DATELINE_PLACE_AT_START.exec(dateline)?.[0];
  return place?.replace(/\p{Lu}+/gu, (capitals) => capitals[0] + capitals.slice(1).toLowerCase());
}

/**
 * A paragraph ends like a sentence, before any `[^id]` markers; a line that does not is a
 * headline, a label, a standfirst or a paragraph cut off.
 */
export function endsLikeSentence(text: string): boolean {
  return SENTENCE_END.test(text.trim().replace(TRAILING_MARKERS, ""));
}

/** "…to ease its measures. (Kyodo)": a wire's credit after the last sentence of its story. */
const TRAILING_CREDIT = new RegExp(String.raw`(?<=[.!?"”’])\s*${AGENCY.source}$`, "u");

/** A paragraph's own words: without the wire dateline or credit, the speaker label or stock codes. */
function withoutFurniture(text: string): string {
  return text
    .replace(DATELINE, "")
    .replace(SPEAKER_LABEL, "")
    .replace(STOCK_CODE, "")
    .replace(TRAILING_CREDIT, "")
    .trim();
}

function isBoilerplate(text: string, title: string): boolean {
  const plain = text.normalize("NFKC").replace(/\s+/g, " ").trim();
  if (SITE_FURNITURE.test(plain)) return true;
  if (PHOTO_CREDIT.test(plain) && plain.split(" ").length < 30) return true;
  if (AGENCY_CREDIT.test(plain)) return true;
  if (plain.toLowerCase() === title.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase()) {
    return true;
  }
  const words = plain.split(" ").length;
  return words < MIN_WORDS_OF_UNPUNCTUATED_PARAGRAPH && !endsLikeSentence(plain);
}

function toIsoDate(text: string): string | undefined {
  const match = ARTICLE_DATE.exec(text);
  if (!match) return undefined;
  const [, day = "", month = "", year = ""] = match;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}
