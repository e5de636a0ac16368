import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { termKey } from "../search/glossary.ts";
import { parseArticle } from "./parse.ts";
import { glossaryFileSchema, timelineFileSchema, topicsFileSchema } from "./schema.ts";
import type {
  GlossaryEntry,
  KnowledgeBase,
  KnowledgeDocument,
  KnowledgeIssue,
  Passage,
  TimelineEvent,
  Topic,
} from "./types.ts";
import { parseAndValidate, type Validated } from "./yaml.ts";

export const MAX_FILE_BYTES = 1024 * 1024;
/** Commands the bot itself provides; a topic may not take their names. */
export const RESERVED_TOPIC_NAMES: readonly string[] = [
  "ask",
  "help",
  "sources",
  "reload",
  "knowledge",
  "timeline",
  "report",
];

/** A folder's README explains the folder; it is not an article. */
const README = /(^|\/)readme(\.[a-z]+)?$/i;
const ARTICLE_FILE = /\.(md|markdown|txt)$/i;
const DATA_FILE = /^(topics|glossary|vocabulary|timeline)\.(ya?ml|json)$/i;

export interface LoadResult {
  readonly knowledge: KnowledgeBase;
  readonly issues: readonly KnowledgeIssue[];
}

export function hasErrors(issues: readonly KnowledgeIssue[]): boolean {
  return issues.some((issue) => issue.severity === "error");
}

/** Reads the whole knowledge folder into a new, immutable KnowledgeBase, with every problem found. */
export async function loadKnowledge(directory: string): Promise<LoadResult> {
  const root = path.resolve(directory);
  const issues: KnowledgeIssue[] = [];
  const files = await listFiles(root, issues);
  const realRoot = await realpath(root).catch(() => root);
  const texts = new Map<string, string>();
  for (const file of files) {
    if (await leavesFolder(realRoot, root, file, issues)) continue;
    const text = await readText(root, file, issues);
    if (text !== undefined) texts.set(file, text);
  }

  const documents: KnowledgeDocument[] = [];
  const passages: Passage[] = [];
  const documentFiles = new Map<string, string>();
  for (const [file, text] of texts) {
    if (!ARTICLE_FILE.test(file)) continue;
    const parsed = parseArticle(file, text);
    issues.push(...parsed.issues);
    const document = parsed.document;
    if (!document) continue;
    const clash = documentFiles.get(document.id);
    if (clash) {
      issues.push(issueAt(file, undefined, `${clash} has the same name; rename one of them`));
      continue;
    }
    documentFiles.set(document.id, file);
    documents.push(document);
    parsed.paragraphs.forEach((paragraph, position) => {
      passages.push({
        index: passages.length,
        documentId: document.id,
        paragraph: position + 1,
        ...paragraph,
      });
    });
  }
  if (documents.length === 0 && !hasErrors(issues)) {
    issues.push(
      issueAt(
        ".",
        undefined,
        "the folder has no article; add a Markdown (.md) article with front matter",
      ),
    );
  }

  const topicsFile = pickDataFile(texts, "topics", issues);
  const topics = topicsFile
    ? readTopics(topicsFile, texts.get(topicsFile) ?? "", passages, documents, issues)
    : [];
  // A term belongs to one entry, across the glossary and the vocabulary.
  const owners = new Map<string, TermOwner>();
  const glossaryFile = pickDataFile(texts, "glossary", issues);
  const glossary = glossaryFile
    ? readGlossary(glossaryFile, texts.get(glossaryFile) ?? "", owners, issues)
    : [];
  const vocabularyFile = pickDataFile(texts, "vocabulary", issues);
  const vocabulary = vocabularyFile
    ? readGlossary(vocabularyFile, texts.get(vocabularyFile) ?? "", owners, issues)
    : [];
  const timelineFile = pickDataFile(texts, "timeline", issues);
  const timeline = timelineFile
    ? readTimeline(timelineFile, texts.get(timelineFile) ?? "", issues)
    : [];

  return {
    knowledge: Object.freeze({
      directory: root,
      documents,
      passages,
      topics,
      glossary,
      vocabulary,
      timeline,
    }),
    issues: issues.sort(byPlace),
  };
}

async function listFiles(root: string, issues: KnowledgeIssue[]): Promise<string[]> {
  try {
    const info = await stat(root);
    if (!info.isDirectory()) {
      issues.push(
        issueAt(
          root,
          undefined,
          "is not a folder; point --knowledge or KNOWLEDGE_DIR at the knowledge folder",
        ),
      );
      return [];
    }
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile() || entry.isSymbolicLink())
      .map((entry) =>
        path
          .relative(
            root,
            path.join(entry.parentPath ?? (entry as { path?: string }).path ?? root, entry.name),
          )
          .split(path.sep)
          .join("/"),
      )
      .filter(
        (file) => !file.split("/").some((part) => part.startsWith(".") || part === "node_modules"),
      )
      .filter((file) => !README.test(file))
      .sort();
  } catch (error) {
    issues.push(
      issueAt(
        root,
        undefined,
        `cannot read the knowledge folder (${errorCode(error)}); check the path and its permissions`,
      ),
    );
    return [];
  }
}

/**
 * A link whose real path is outside the knowledge folder is an error: whoever may write a link
 * in the folder must not publish any file the bot can read.
 */
async function leavesFolder(
  realRoot: string,
  root: string,
  file: string,
  issues: KnowledgeIssue[],
): Promise<boolean> {
  let target: string;
  try {
    target = await realpath(path.join(root, file));
  } catch {
    return false; // A link to nothing is reported when the file is read.
  }
  const inside = path.relative(realRoot, target);
  if (inside !== "" && !inside.startsWith("..") && !path.isAbsolute(inside)) return false;
  const folder = (await stat(target)).isDirectory() ? target : path.dirname(target);
  issues.push(
    issueAt(
      file,
      undefined,
      `is a link into ${folder}, outside the knowledge folder; copy the file into the folder instead of linking to it`,
    ),
  );
  return true;
}

async function readText(
  root: string,
  file: string,
  issues: KnowledgeIssue[],
): Promise<string | undefined> {
  const isKnowledgeFile = ARTICLE_FILE.test(file) || (!file.includes("/") && DATA_FILE.test(file));
  if (!isKnowledgeFile) {
    issues.push({
      severity: "warning",
      file,
      line: undefined,
      message:
        "ignored: articles end in .md or .txt; topics, glossary, vocabulary and timeline are topics.yaml, glossary.yaml, vocabulary.yaml and timeline.yaml at the top",
    });
    return undefined;
  }
  let bytes: Buffer;
  try {
    const info = await stat(path.join(root, file));
    if (info.size > MAX_FILE_BYTES) {
      issues.push(
        issueAt(
          file,
          undefined,
          `is ${info.size} bytes, over the ${MAX_FILE_BYTES}-byte limit; split it into smaller articles`,
        ),
      );
      return undefined;
    }
    bytes = await readFile(path.join(root, file));
  } catch (error) {
    issues.push(
      issueAt(file, undefined, `cannot be read (${errorCode(error)}); check its permissions`),
    );
    return undefined;
  }
  try {
    if (bytes.includes(0)) throw new Error("NUL byte");
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    issues.push(issueAt(file, undefined, "is not UTF-8 text; save it as UTF-8 text"));
    return undefined;
  }
}

function pickDataFile(
  texts: Map<string, string>,
  name: string,
  issues: KnowledgeIssue[],
): string | undefined {
  const candidates = [...texts.keys()].filter((file) =>
    new RegExp(`^${name}\\.(ya?ml|json)$`, "i").test(file),
  );
  if (candidates.length > 1) {
    issues.push(
      issueAt(
        candidates[1] ?? name,
        undefined,
        `${candidates[0]} holds the ${name} already; keep one of them`,
      ),
    );
  }
  return candidates[0];
}

function readTopics(
  file: string,
  text: string,
  passages: readonly Passage[],
  documents: readonly KnowledgeDocument[],
  issues: KnowledgeIssue[],
): Topic[] {
  const validated = validatedFile(file, text, topicsFileSchema, issues);
  if (!validated) return [];
  const topics: Topic[] = [];
  const seen = new Set<string>();
  validated.value.forEach((topic, index) => {
    const line = validated.lineOf([index, "name"]);
    if (seen.has(topic.name)) {
      issues.push(
        issueAt(
          file,
          line,
          `the command name "${topic.name}" is used twice; give each topic its own name`,
        ),
      );
      return;
    }
    if (RESERVED_TOPIC_NAMES.includes(topic.name)) {
      issues.push(
        issueAt(file, line, `"${topic.name}" is a built-in command; choose another name`),
      );
      return;
    }
    seen.add(topic.name);
    if (topic.pin) {
      const problem = checkPin(topic.pin, passages, documents);
      if (problem) {
        issues.push(
          issueAt(file, validated.lineOf([index, "pin", problem.field]), problem.message),
        );
        return;
      }
    }
    topics.push({
      name: topic.name,
      line: line ?? 1,
      description: topic.description,
      question: topic.question,
      pin: topic.pin,
    });
  });
  return topics;
}

export function findPinnedPassages(
  pin: { document: string; contains: string },
  passages: readonly Passage[],
): Passage[] {
  const phrase = foldForMatch(pin.contains);
  return passages.filter(
    (passage) => passage.documentId === pin.document && foldForMatch(passage.text).includes(phrase),
  );
}

function checkPin(
  pin: { document: string; contains: string },
  passages: readonly Passage[],
  documents: readonly KnowledgeDocument[],
): { field: "document" | "contains"; message: string } | undefined {
  if (!documents.some((document) => document.id === pin.document)) {
    const known = documents.map((document) => document.id).join(", ");
    return {
      field: "document",
      message: `pin.document "${pin.document}" is not an article in the folder; use one of: ${known}`,
    };
  }
  const matches = findPinnedPassages(pin, passages).length;
  if (matches === 0) {
    return {
      field: "contains",
      message: `no paragraph of "${pin.document}" contains "${pin.contains}"; copy a phrase from the paragraph to pin`,
    };
  }
  if (matches > 1) {
    return {
      field: "contains",
      message: `${matches} paragraphs of "${pin.document}" contain "${pin.contains}"; use a longer phrase that only one contains`,
    };
  }
  return undefined;
}

/** Where a glossary or vocabulary term first stood: its entry, and that entry's line for messages. */
interface TermOwner {
  readonly file: string;
  readonly entry: number;
  readonly line: number | undefined;
}

/**
 * Entries of terms that mean one thing (glossary.yaml or vocabulary.yaml). `owners` holds the
 * entry each term already belongs to, so that a term belongs to one entry across both files.
 */
function readGlossary(
  file: string,
  text: string,
  owners: Map<string, TermOwner>,
  issues: KnowledgeIssue[],
): GlossaryEntry[] {
  const validated = validatedFile(file, text, glossaryFileSchema, issues);
  if (!validated) return [];
  const entries: GlossaryEntry[] = [];
  validated.value.forEach((entry, index) => {
    let clean = true;
    const owner: TermOwner = { file, entry: index, line: validated.lineOf([index, "terms"]) };
    entry.terms.forEach((term, termIndex) => {
      const key = termKey(term);
      const first = owners.get(key);
      if (first !== undefined && (first.file !== file || first.entry !== index)) {
        clean = false;
        const where = first.file === file ? `line ${first.line}` : `${first.file}:${first.line}`;
        issues.push(
          issueAt(
            file,
            validated.lineOf([index, "terms", termIndex]),
            `"${term}" is already in the entry at ${where}; a term belongs to one entry, so merge the two`,
          ),
        );
      }
      owners.set(key, owner);
    });
    if (clean) {
      const lines = entry.terms.map((_, termIndex) =>
        validated.lineOf([index, "terms", termIndex]),
      );
      entries.push({ terms: entry.terms, source: { file, lines } });
    }
  });
  return entries;
}

/** The dated events, each cited; out of order or in the future is an error at the event's line. */
function readTimeline(file: string, text: string, issues: KnowledgeIssue[]): TimelineEvent[] {
  const validated = validatedFile(file, text, timelineFileSchema, issues);
  if (!validated) return [];
  const events = validated.value.map(
    (event, index): TimelineEvent => ({
      date: event.date,
      event: event.event,
      references: event.references.map((reference, position) => ({
        id: String(position + 1),
        ...reference,
      })),
      line: validated.lineOf([index]) ?? 1,
    }),
  );
  events.forEach((event, index) => {
    const previous = events[index - 1];
    if (previous && event.date < previous.date) {
      issues.push(
        issueAt(
          file,
          event.line,
          `${event.date} comes after ${previous.date} (line ${previous.line}); keep the events sorted by date, oldest first`,
        ),
      );
    }
  });
  return events;
}

function foldForMatch(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/** A YAML file checked against its schema, or undefined with each problem reported at its line. */
function validatedFile<Schema extends z.ZodType>(
  file: string,
  text: string,
  schema: Schema,
  issues: KnowledgeIssue[],
): Extract<Validated<z.infer<Schema>>, { ok: true }> | undefined {
  const validated = parseAndValidate(text, schema);
  if (validated.ok) return validated;
  issues.push(
    ...validated.problems.map((problem) => ({ severity: "error" as const, file, ...problem })),
  );
  return undefined;
}

function issueAt(file: string, line: number | undefined, message: string): KnowledgeIssue {
  return { severity: "error", file, line, message };
}

function errorCode(error: unknown): string {
  return error instanceof Error && "code" in error ? String(error.code) : String(error);
}

function byPlace(a: KnowledgeIssue, b: KnowledgeIssue): number {
  return a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0);
}
