import { createHash, randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const FEEDBACK_FILE = "feedback.sqlite";
const DAY_MS = 24 * 60 * 60 * 1000;

/** What a member told the bot, or what it could not answer. */
export type FeedbackKind = "not-helpful" | "unanswered";

/** One question members asked that the bot did not answer well, with how often and when. */
export interface ReportRow {
  /** The latest wording of the question (questions are grouped by their words, case and spacing aside). */
  readonly question: string;
  readonly unanswered: number;
  readonly notHelpful: number;
  /** Distinct members who asked or pressed. */
  readonly members: number;
  /** The passages marked not helpful, as `document ¶paragraph`, most marked first. */
  readonly passages: readonly string[];
  readonly first: Date;
  readonly last: Date;
}

/** The question and passages an answer showed, behind its "Not helpful" buttons. */
export interface ShownAnswer {
  readonly question: string;
  readonly passages: readonly { readonly document: string; readonly paragraph: number }[];
}

export interface FeedbackStoreOptions {
  /** The clock; tests move it. */
  readonly now?: () => number;
}

/** The store's folder cannot be created, opened or written. */
export class FeedbackStoreError extends Error {
  override readonly name = "FeedbackStoreError";
}

/** What keeps the store from opening, and what to do about it. */
function storeProblem(dataDir: string, file: string, error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const reason = (error as Error).message;
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT")
    return `${file} is not a feedback store (${reason}); move it aside, and the bot starts a new one`;
  if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED")
    return `${file} is held by another process (${reason}); stop that process, or give this bot a DATA_DIR of its own`;
  return `DATA_DIR=${dataDir} cannot hold the feedback store ${file} (${reason}); set DATA_DIR to a folder the bot may create and write`;
}

/** The grouping key: what distinguishes two questions for the report. */
function questionKey(question: string): string {
  return question.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * Feedback and unanswered questions in SQLite (DATA_DIR/feedback.sqlite), kept across restarts.
 * The Discord adapter writes it, `npm run report` and /report read it; the answer engine never
 * does. Members are stored only as a salted SHA-256 of their id, the salt kept in the file.
 */
export class FeedbackStore {
  readonly #db: Database.Database;
  readonly #salt: string;
  readonly #now: () => number;
  /** Statements prepared once: a store answer and press each run a few. */
  readonly #statements = new Map<string, Database.Statement>();
  readonly file: string;

  private constructor(file: string, db: Database.Database, now: () => number) {
    this.file = file;
    this.#db = db;
    this.#now = now;
    db.pragma("journal_mode = WAL");
    // Several shards may write at once: wait for each other's lock rather than fail.
    db.pragma("busy_timeout = 5000");
    db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS feedback (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('not-helpful', 'unanswered')),
        question TEXT NOT NULL,
        question_key TEXT NOT NULL,
        document TEXT,
        paragraph INTEGER,
        member_hash TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS feedback_at ON feedback (at);
      CREATE TABLE IF NOT EXISTS shown (
        id INTEGER PRIMARY KEY,
        token TEXT NOT NULL UNIQUE,
        question TEXT NOT NULL,
        passages TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS pressed (
        token TEXT NOT NULL,
        member_hash TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (token, member_hash, position)
      );
    `);
    db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?)").run(
      randomBytes(32).toString("hex"),
    );
    const row = db.prepare("SELECT value FROM meta WHERE key = 'salt'").get() as { value: string };
    this.#salt = row.value;
  }

  /**
   * Opens (or creates) the store in `dataDir`, creating the folder when it is missing; a folder
   * that cannot hold it is a FeedbackStoreError that says which and why.
   */
  static open(dataDir: string, options: FeedbackStoreOptions = {}): FeedbackStore {
    const file = path.join(dataDir, FEEDBACK_FILE);
    let db: Database.Database | undefined;
    try {
      mkdirSync(dataDir, { recursive: true });
      db = new Database(file);
      return new FeedbackStore(file, db, options.now ?? Date.now);
    } catch (error) {
      db?.close();
      throw new FeedbackStoreError(storeProblem(dataDir, file, error));
    }
  }

  #statement(sql: string): Database.Statement {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** The member's id, salted and hashed: the same member counts once, and cannot be read back. */
  memberHash(memberId: string): string {
    return createHash("sha256").update(this.#salt).update(memberId).digest("hex");
  }

  /** A "Not helpful" press on the passage shown for the question. */
  recordNotHelpful(entry: {
    readonly question: string;
    readonly document: string;
    readonly paragraph: number;
    readonly memberId: string;
  }): void {
    this.#insert("not-helpful", entry.question, entry.memberId, entry.document, entry.paragraph);
  }

  /** A question the bot had no confident answer to. */
  recordUnanswered(entry: { readonly question: string; readonly memberId: string }): void {
    this.#insert("unanswered", entry.question, entry.memberId, null, null);
  }

  #insert(
    kind: FeedbackKind,
    question: string,
    memberId: string,
    document: string | null,
    paragraph: number | null,
  ): void {
    this.#statement(
      "INSERT INTO feedback (kind, question, question_key, document, paragraph, member_hash, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ).run(
      kind,
      question,
      questionKey(question),
      document,
      paragraph,
      this.memberHash(memberId),
      this.#now(),
    );
  }

  /**
   * Keeps the question and passages behind an answer's "Not helpful" buttons (a custom id holds
   * 100 characters, not a question), so that the buttons work after a restart too; only the
   * latest `capacity` answers are kept.
   */
  rememberShown(token: string, shown: ShownAnswer, capacity: number): void {
    const passages = JSON.stringify(shown.passages.map((p) => [p.document, p.paragraph]));
    const { lastInsertRowid } = this.#statement(
      "INSERT INTO shown (token, question, passages, at) VALUES (?, ?, ?, ?)",
    ).run(token, shown.question, passages, this.#now());
    this.#statement("DELETE FROM shown WHERE id <= ?").run(Number(lastInsertRowid) - capacity);
  }

  /** The answer behind a button's token, if it is still kept. */
  shownAnswer(token: string): ShownAnswer | undefined {
    const row = this.#statement("SELECT question, passages FROM shown WHERE token = ?").get(
      token,
    ) as { question: string; passages: string } | undefined;
    if (!row) return undefined;
    const passages = (JSON.parse(row.passages) as [string, number][]).map(
      ([document, paragraph]) => ({ document, paragraph }),
    );
    return { question: row.question, passages };
  }

  /**
   * A "Not helpful" press on the passage at `position` of a kept answer, recorded once per member
   * and passage (the mark and the entry in one transaction, so a failed write can be retried);
   * "expired" when the answer is no longer kept.
   */
  pressNotHelpful(
    token: string,
    position: number,
    memberId: string,
  ): "recorded" | "again" | "expired" {
    return this.#db.transaction(() => {
      const shown = this.shownAnswer(token);
      const passage = shown?.passages[position];
      if (!shown || !passage) return "expired" as const;
      const marked = this.#statement(
        "INSERT OR IGNORE INTO pressed (token, member_hash, position) VALUES (?, ?, ?)",
      ).run(token, this.memberHash(memberId), position).changes;
      if (marked === 0) return "again" as const;
      this.recordNotHelpful({ question: shown.question, ...passage, memberId });
      return "recorded" as const;
    })();
  }

  /** Deletes the entries and kept answers older than `retentionDays`; returns how many entries went. */
  prune(retentionDays: number): number {
    const cutoff = this.#now() - retentionDays * DAY_MS;
    this.#statement("DELETE FROM shown WHERE at < ?").run(cutoff);
    this.#statement("DELETE FROM pressed WHERE token NOT IN (SELECT token FROM shown)").run();
    return this.#statement("DELETE FROM feedback WHERE at < ?").run(cutoff).changes;
  }

  /** Every entry kept, for tests and exports: oldest first. */
  entries(): {
    kind: FeedbackKind;
    question: string;
    document: string | null;
    paragraph: number | null;
    memberHash: string;
    at: Date;
  }[] {
    const rows = this.#statement(
      "SELECT kind, question, document, paragraph, member_hash AS memberHash, at FROM feedback ORDER BY at, id",
    ).all() as {
      kind: FeedbackKind;
      question: string;
      document: string | null;
      paragraph: number | null;
      memberHash: string;
      at: number;
    }[];
    return rows.map((row) => ({ ...row, at: new Date(row.at) }));
  }

  /** What members asked that the bot could not answer well: most frequent first, then latest. */
  report(limit = 50): ReportRow[] {
    const groups = this.#statement(
      `SELECT question_key AS key,
                SUM(kind = 'unanswered') AS unanswered,
                SUM(kind = 'not-helpful') AS notHelpful,
                COUNT(DISTINCT member_hash) AS members,
                MIN(at) AS first, MAX(at) AS last,
                (SELECT question FROM feedback AS latest WHERE latest.question_key = feedback.question_key
                  ORDER BY at DESC, id DESC LIMIT 1) AS question
           FROM feedback
          GROUP BY question_key
          ORDER BY COUNT(*) DESC, MAX(at) DESC
          LIMIT ?`,
    ).all(limit) as {
      key: string;
      unanswered: number;
      notHelpful: number;
      members: number;
      first: number;
      last: number;
      question: string;
    }[];
    const passagesOf = this.#statement(
      `SELECT document, paragraph FROM feedback
        WHERE question_key = ? AND kind = 'not-helpful'
        GROUP BY document, paragraph ORDER BY COUNT(*) DESC, MAX(at) DESC`,
    );
    return groups.map((group) => ({
      question: group.question,
      unanswered: group.unanswered,
      notHelpful: group.notHelpful,
      members: group.members,
      passages: (passagesOf.all(group.key) as { document: string; paragraph: number }[]).map(
        (row) => `${row.document} ¶${row.paragraph}`,
      ),
      first: new Date(group.first),
      last: new Date(group.last),
    }));
  }

  close(): void {
    this.#db.close();
  }
}
