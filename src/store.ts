import { AnswerEngine } from "./answer.ts";
import { hasErrors, loadKnowledge } from "./knowledge/load.ts";
import type { KnowledgeIssue } from "./knowledge/types.ts";
import { timelineYears } from "./timeline.ts";

export interface ReloadSummary {
  readonly ok: boolean;
  readonly documents: number;
  readonly passages: number;
  readonly topics: number;
  readonly addedDocuments: readonly string[];
  readonly removedDocuments: readonly string[];
  /** The topics, or the years /timeline offers, changed: the commands must be registered again. */
  readonly topicsChanged: boolean;
  /** Every problem found; on errors the old knowledge stays in use. */
  readonly issues: readonly KnowledgeIssue[];
  readonly milliseconds: number;
}

/**
 * Holds the engine in use. A reload builds a whole new engine beside the old one and swaps the
 * reference only when it is complete and valid, so a question never sees a half-built index.
 */
export class KnowledgeStore {
  #engine: AnswerEngine;
  #reloading: Promise<ReloadSummary> | undefined;
  /** Every topic name any engine of this process has had. */
  readonly #topicsSeen = new Set<string>();
  readonly directory: string;

  private constructor(directory: string, engine: AnswerEngine) {
    this.directory = directory;
    this.#engine = engine;
    this.#remember(engine);
  }

  /** Whether `name` was a topic at some time since this process started. */
  wasTopic(name: string): boolean {
    return this.#topicsSeen.has(name);
  }

  #remember(engine: AnswerEngine): void {
    for (const topic of engine.topics) this.#topicsSeen.add(topic.name);
  }

  /** Loads the folder; throws with every error when it is broken. */
  static async open(
    directory: string,
  ): Promise<{ store: KnowledgeStore; issues: readonly KnowledgeIssue[] }> {
    const { knowledge, issues } = await loadKnowledge(directory);
    if (hasErrors(issues)) throw new KnowledgeError(directory, issues);
    return { store: new KnowledgeStore(directory, await AnswerEngine.build(knowledge)), issues };
  }

  get engine(): AnswerEngine {
    return this.#engine;
  }

  /** Reloads the folder; a reload asked for while one runs shares its result. */
  reload(): Promise<ReloadSummary> {
    this.#reloading ??= this.#reload().finally(() => {
      this.#reloading = undefined;
    });
    return this.#reloading;
  }

  async #reload(): Promise<ReloadSummary> {
    const started = performance.now();
    const before = this.#engine;
    const { knowledge, issues } = await loadKnowledge(this.directory);
    const ok = !hasErrors(issues);
    const after = ok ? await AnswerEngine.build(knowledge) : before;
    if (ok) {
      this.#engine = after;
      this.#remember(after);
    }
    const oldIds = new Set(before.documents.map((document) => document.id));
    const newIds = new Set(knowledge.documents.map((document) => document.id));
    return {
      ok,
      documents: after.stats.documents,
      passages: after.stats.passages,
      topics: after.stats.topics,
      addedDocuments: ok ? [...newIds].filter((id) => !oldIds.has(id)) : [],
      removedDocuments: ok ? [...oldIds].filter((id) => !newIds.has(id)) : [],
      topicsChanged: ok && commandShape(before) !== commandShape(after),
      issues,
      milliseconds: Math.round(performance.now() - started),
    };
  }
}

/** What the registered commands are made from: the topics and the years of the timeline. */
function commandShape(engine: AnswerEngine): string {
  return JSON.stringify([
    engine.topics.map(({ line: _line, ...topic }) => topic),
    timelineYears(engine.knowledge.timeline) ?? null,
  ]);
}

export class KnowledgeError extends Error {
  constructor(
    readonly directory: string,
    readonly issues: readonly KnowledgeIssue[],
  ) {
    super(`the knowledge folder ${directory} has errors`);
    this.name = "KnowledgeError";
  }
}
