import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { AnswerEngine } from "../../src/answer.ts";
import type { KnowledgeBase } from "../../src/knowledge/types.ts";
import { PROJECT_ROOT, V1_KNOWLEDGE } from "../support/knowledge.ts";
import {
  bm25Retriever,
  engineRetriever,
  miniSearchRetriever,
  type Retriever,
} from "./baselines.ts";
import { holdsPhrase, loadKnowledgeSpec, readQuestions } from "./datasets.ts";
import { crossValidate, type Example, examplesOf, type Figures, figuresAsShipped } from "./fit.ts";
import { addFigures, REWRITES, type RewriteFigures, rewriteFigures } from "./rewrites.ts";
import { loadWithAdded, score } from "./run.ts";

/** A knowledge folder, named as in `npm run fit`, the engine built on it and its retriever. */
async function engineOn(
  spec: string,
): Promise<{ knowledge: KnowledgeBase; engine: Retriever; answers: AnswerEngine }> {
  const { knowledge } = await loadKnowledgeSpec(spec);
  const answers = new AnswerEngine(knowledge);
  return { knowledge, engine: engineRetriever(knowledge, answers), answers };
}

/** Each folder is loaded and its engine built once, for every test below that asks of it. */
const built = {
  v1: await engineOn("v1"),
  seed: await engineOn("seed"),
  shipped: await engineOn("shipped"),
};

/** A committed question file asked of a built folder, scored beside the baselines. */
async function scoredFixture(folder: keyof typeof built, file: string) {
  const { knowledge, engine: answerer } = built[folder];
  const questions = await readQuestions(path.join(PROJECT_ROOT, "test", "fixtures", file));
  const offTopic = questions.filter((question) => question.kind === "off-topic");
  return {
    questions,
    engine: score(knowledge, answerer, questions),
    bm25: score(knowledge, bm25Retriever(knowledge), questions),
    miniSearch: score(knowledge, miniSearchRetriever(knowledge), questions),
    offTopic: offTopic.length,
    offTopicRefused: offTopic.filter((question) => answerer.refuses?.(question.question)).length,
  };
}

describe("an expected phrase, as npm run eval and npm run fit look for it", () => {
  it("is found where the article writes a no-break space or curly quotes and the phrase does not", () => {
    assert.ok(
      holdsPhrase("The three-year-old\u00a0military information agreement was due", [
        "three-year-old military information agreement",
      ]),
    );
    assert.ok(
      holdsPhrase("Seoul views its removal from the \u201cwhitelist\u201d as retaliation", [
        'from the "whitelist" as retaliation',
      ]),
    );
    assert.ok(!holdsPhrase("The three-year-old agreement was due", ["three-year-old military"]));
  });
});

describe("answer quality on test/fixtures/questions.json (on knowledge-v1)", async () => {
  const questions = JSON.parse(
    await readFile(path.join(PROJECT_ROOT, "test", "fixtures", "questions.json"), "utf8"),
  );
  const { knowledge, engine: answerer } = built.v1;
  const engine = score(knowledge, answerer, questions);
  const miniSearch = score(knowledge, miniSearchRetriever(knowledge), questions);
  const bm25 = score(knowledge, bm25Retriever(knowledge), questions);

  it("has at least 80 questions, answerable and not", () => {
    assert.ok(questions.length >= 80);
    assert.ok(engine.answerable < questions.length);
  });

  it("ranks the right passage first at least 10 points more often than MiniSearch and BM25", () => {
    assert.ok(
      engine.top1 >= miniSearch.top1 + 0.1,
      `${engine.top1} vs MiniSearch ${miniSearch.top1}`,
    );
    assert.ok(engine.top1 >= bm25.top1 + 0.1, `${engine.top1} vs BM25 ${bm25.top1}`);
  });

  it("keeps its measured quality: top-1 ≥ 85%, MRR ≥ 0.9, ≥ 90% of off-topic questions refused", () => {
    assert.ok(engine.top1 >= 0.85, `top-1 ${engine.top1}`);
    assert.ok(engine.mrr >= 0.9, `MRR ${engine.mrr}`);
    assert.ok((engine.noAnswerRecall ?? 0) >= 0.9, `no-answer recall ${engine.noAnswerRecall}`);
  });
});

describe("answer quality on questions written after the tuning (questions-unseen.json)", async () => {
  const questions = JSON.parse(
    await readFile(path.join(PROJECT_ROOT, "test", "fixtures", "questions-unseen.json"), "utf8"),
  );
  const { knowledge, engine: answerer } = built.v1;
  const engine = score(knowledge, answerer, questions);
  const bm25 = score(knowledge, bm25Retriever(knowledge), questions);

  it("does at least as well as BM25 on top-1 and MRR", () => {
    assert.ok(engine.top1 >= bm25.top1, `${engine.top1} vs BM25 ${bm25.top1}`);
    assert.ok(engine.mrr >= bm25.mrr, `${engine.mrr} vs BM25 ${bm25.mrr}`);
  });
});

describe("answer quality after three crawled articles are added (questions-new-articles.json)", async () => {
  const questions = JSON.parse(
    await readFile(
      path.join(PROJECT_ROOT, "test", "fixtures", "questions-new-articles.json"),
      "utf8",
    ),
  );
  const articles = path.join(PROJECT_ROOT, "test", "fixtures", "new-articles");
  const files = await readdir(articles);
  const { knowledge, issues } = await loadWithAdded(V1_KNOWLEDGE, articles);
  const engine = score(knowledge, engineRetriever(knowledge), questions);
  const bm25 = score(knowledge, bm25Retriever(knowledge), questions);

  it("reads every added article without an error", () => {
    assert.equal(
      knowledge.documents.length,
      7 + files.filter((name) => name.endsWith(".txt")).length,
    );
    assert.ok(issues.every((issue) => issue.severity === "warning"));
  });

  it("beats BM25 on top-1 and MRR, refuses the off-topic questions, and refuses few answerable ones", () => {
    assert.ok(engine.top1 > bm25.top1, `${engine.top1} vs BM25 ${bm25.top1}`);
    assert.ok(engine.mrr > bm25.mrr, `${engine.mrr} vs BM25 ${bm25.mrr}`);
    assert.ok((engine.noAnswerRecall ?? 0) >= 0.8, `no-answer recall ${engine.noAnswerRecall}`);
    assert.ok((engine.wronglyRefused ?? 1) <= 0.1, `wrongly refused ${engine.wronglyRefused}`);
  });
});

describe("answer quality on the seed article alone (questions-seed-a/b.json, written blind)", async () => {
  for (const file of ["questions-seed-a.json", "questions-seed-b.json"]) {
    const { engine, miniSearch, offTopic, offTopicRefused } = await scoredFixture("seed", file);

    it(`${file}: top-1 ≥ 55% and above MiniSearch, top-3 ≥ 85%, ≤ 25% of answerable refused`, () => {
      assert.ok(engine.top1 >= 0.55, `top-1 ${engine.top1}`);
      assert.ok(engine.top1 > miniSearch.top1, `${engine.top1} vs MiniSearch ${miniSearch.top1}`);
      assert.ok(engine.top3 >= 0.85, `top-3 ${engine.top3}`);
      assert.ok((engine.wronglyRefused ?? 1) <= 0.25, `wrongly refused ${engine.wronglyRefused}`);
    });

    it(`${file}: refuses at least 55% of its questions to refuse, on-topic ones included`, () => {
      assert.ok((engine.noAnswerRecall ?? 0) >= 0.55, `refused ${engine.noAnswerRecall}`);
    });

    it(`${file}: refuses at least 80% of the off-topic questions`, () => {
      assert.ok(offTopic >= 5);
      assert.ok(offTopicRefused / offTopic >= 0.8, `${offTopicRefused} of ${offTopic}`);
    });
  }
});

describe("fresh questions on the seed article alone (questions-seed-c/d.json, written blind on 1 December)", async () => {
  // Written by two helper sessions that never saw the engine, after the weights were fitted; seed-d
  // was read only as totals when they were added. BM25 puts more first on both (see the README):
  // these floors guard against regressions, they do not say the engine is good enough here.
  for (const file of ["questions-seed-c.json", "questions-seed-d.json"]) {
    const { questions, engine } = await scoredFixture("seed", file);

    it(`${file}: top-1 ≥ 70%, top-3 ≥ 90%, ≤ 10% of answerable refused, ≥ 40% of the rest refused`, () => {
      assert.equal(questions.filter((question) => question.expect).length, 48);
      assert.ok(engine.top1 >= 0.7, `top-1 ${engine.top1}`);
      assert.ok(engine.top3 >= 0.9, `top-3 ${engine.top3}`);
      assert.ok((engine.wronglyRefused ?? 1) <= 0.1, `wrongly refused ${engine.wronglyRefused}`);
      assert.ok((engine.noAnswerRecall ?? 0) >= 0.4, `refused ${engine.noAnswerRecall}`);
    });
  }
});

describe("long questions on the seed article alone (questions-seed-long-a/b/c.json, written blind)", async () => {
  // 30 to 90 words of context, opinion and background around the question, as members write;
  // c's context names other facts of the dispute than the question asks.
  for (const file of [
    "questions-seed-long-a.json",
    "questions-seed-long-b.json",
    "questions-seed-long-c.json",
  ]) {
    const { questions, engine, miniSearch, offTopic, offTopicRefused } = await scoredFixture(
      "seed",
      file,
    );

    it(`${file}: top-1 ≥ 60% and above MiniSearch, top-3 ≥ 80%, ≤ 10% of answerable refused, off-topic refused`, () => {
      assert.ok(questions.filter((question) => question.expect).length >= 40);
      assert.ok(engine.top1 >= 0.6, `top-1 ${engine.top1}`);
      assert.ok(engine.top1 > miniSearch.top1, `${engine.top1} vs MiniSearch ${miniSearch.top1}`);
      assert.ok(engine.top3 >= 0.8, `top-3 ${engine.top3}`);
      assert.ok((engine.wronglyRefused ?? 1) <= 0.1, `wrongly refused ${engine.wronglyRefused}`);
      assert.ok(offTopicRefused / offTopic >= 0.8, `${offTopicRefused} of ${offTopic}`);
    });
  }
});

describe("paraphrased questions on the seed article alone (questions-seed-paraphrase-a/b.json, written blind)", async () => {
  // Members' own words for the article's: "payback", "spy info", "the pact", "Moon's office".
  for (const file of ["questions-seed-paraphrase-a.json", "questions-seed-paraphrase-b.json"]) {
    const { questions, engine, bm25, miniSearch } = await scoredFixture("seed", file);

    it(`${file}: top-1 ≥ 50% and above BM25's and MiniSearch's, top-3 ≥ 80%, ≤ 20% of answerable refused`, () => {
      assert.ok(questions.length >= 48);
      assert.ok(engine.top1 >= 0.5, `top-1 ${engine.top1}`);
      assert.ok(engine.top1 > bm25.top1, `${engine.top1} vs BM25 ${bm25.top1}`);
      assert.ok(engine.top1 > miniSearch.top1, `${engine.top1} vs MiniSearch ${miniSearch.top1}`);
      assert.ok(engine.top3 >= 0.8, `top-3 ${engine.top3}`);
      assert.ok((engine.wronglyRefused ?? 1) <= 0.2, `wrongly refused ${engine.wronglyRefused}`);
    });
  }
});

describe("answer quality on the shipped knowledge (questions-coverage.json, written blind)", async () => {
  const { knowledge, engine: answerer } = built.shipped;
  const questions = await readQuestions(
    path.join(PROJECT_ROOT, "test", "fixtures", "questions-coverage.json"),
  );
  const engine = score(knowledge, answerer, questions);
  const bm25 = score(knowledge, bm25Retriever(knowledge), questions);
  const offTopic = questions.filter((question) => question.kind === "off-topic");

  // Each question accepts one paragraph, where the fact sheets often have two that answer it:
  // the figures are a floor against regressions, not the share of members answered well.
  it("keeps its measured quality: top-1 ≥ 25%, top-3 ≥ 50% and above BM25's, ≤ 20% of answerable refused", () => {
    assert.ok(engine.top1 >= 0.25, `top-1 ${engine.top1}`);
    assert.ok(engine.top3 >= 0.5, `top-3 ${engine.top3}`);
    assert.ok(engine.top3 >= bm25.top3, `top-3 ${engine.top3} vs BM25 ${bm25.top3}`);
    assert.ok((engine.wronglyRefused ?? 1) <= 0.2, `wrongly refused ${engine.wronglyRefused}`);
  });

  it("refuses every off-topic question", () => {
    const answered = offTopic.filter((question) => !answerer.refuses?.(question.question));
    assert.ok(offTopic.length >= 5);
    assert.deepEqual(
      answered.map((question) => question.question),
      [],
    );
  });
});

describe("questions asking what something is, on the shipped knowledge (questions-definitions.json, written blind)", async () => {
  const { questions, engine, bm25, miniSearch } = await scoredFixture(
    "shipped",
    "questions-definitions.json",
  );

  // "What is the white list": the paragraph where a sheet first names it says what it is.
  it("keeps its measured quality: top-1 ≥ 60% and above BM25's and MiniSearch's, top-3 ≥ 85%", () => {
    assert.ok(questions.filter((question) => question.expect).length >= 30);
    assert.ok(engine.top1 >= 0.6, `top-1 ${engine.top1}`);
    assert.ok(engine.top1 > bm25.top1, `${engine.top1} vs BM25 ${bm25.top1}`);
    assert.ok(engine.top1 > miniSearch.top1, `${engine.top1} vs MiniSearch ${miniSearch.top1}`);
    assert.ok(engine.top3 >= 0.85, `top-3 ${engine.top3}`);
  });
});

describe("questions near the topic that no article on the dispute answers (questions-near-topic-eval.json, written blind)", async () => {
  // Korean and Japanese life, travel, language, products and other history. The engine refuses
  // about 70% of them: "Korea" and "Japan" match most passages of a folder on the dispute.
  const questions = await readQuestions(
    path.join(PROJECT_ROOT, "test", "fixtures", "questions-near-topic-eval.json"),
  );
  for (const spec of ["seed", "shipped"] as const) {
    const { engine: answerer } = built[spec];

    it(`refuses at least 65% of them on the ${spec} knowledge`, () => {
      const refused = questions.filter((question) => answerer.refuses?.(question.question)).length;
      assert.ok(questions.length >= 40);
      assert.ok(refused / questions.length >= 0.65, `${refused} of ${questions.length}`);
    });
  }
});

describe("off-topic questions that use a word of the articles (questions-off-topic-shared-words.json, written blind)", async () => {
  // "how do i dispute a charge on paypal", "who is the prime minister of canada": a word of the
  // articles in another sense. Measured 73% refused shipped and 90% on the seed alone; every
  // plainly unrelated question is refused.
  const questions = await readQuestions(
    path.join(PROJECT_ROOT, "test", "fixtures", "questions-off-topic-shared-words.json"),
  );
  const floors = { seed: 0.85, shipped: 0.7 } as const;
  for (const spec of ["seed", "shipped"] as const) {
    const { engine: answerer } = built[spec];
    const refused = (kind?: string) =>
      questions.filter(
        (question) =>
          (kind === undefined || question.kind === kind) && answerer.refuses?.(question.question),
      ).length;

    it(`refuses at least ${floors[spec] * 100}% of them on the ${spec} knowledge, and every plainly unrelated one`, () => {
      assert.equal(questions.length, 100);
      const refusedAll = refused();
      assert.ok(
        refusedAll / questions.length >= floors[spec],
        `${refusedAll} of ${questions.length}`,
      );
      const plain = questions.filter((question) => question.kind === "offtopic-plain").length;
      assert.equal(refused("offtopic-plain"), plain);
    });
  }
});

describe("Korean and Japanese questions on the shipped knowledge (questions-cjk.json, written blind)", async () => {
  const { knowledge, engine: answerer } = built.shipped;
  const questions = await readQuestions(
    path.join(PROJECT_ROOT, "test", "fixtures", "questions-cjk.json"),
  );
  const engine = score(knowledge, answerer, questions);
  const bm25 = score(knowledge, bm25Retriever(knowledge), questions);

  it("keeps its measured quality: top-1 ≥ 40% and above BM25's, ≤ 10% of answerable refused", () => {
    assert.ok(questions.filter((question) => question.expect).length >= 40);
    assert.ok(engine.top1 >= 0.4, `top-1 ${engine.top1}`);
    assert.ok(engine.top1 > bm25.top1, `${engine.top1} vs BM25 ${bm25.top1}`);
    assert.ok((engine.wronglyRefused ?? 1) <= 0.1, `wrongly refused ${engine.wronglyRefused}`);
  });
});

describe("Korean and Japanese questions, on the dispute and off it (questions-cjk-b.json, written blind)", async () => {
  const { knowledge, engine: answerer } = built.shipped;
  const questions = await readQuestions(
    path.join(PROJECT_ROOT, "test", "fixtures", "questions-cjk-b.json"),
  );
  const engine = score(knowledge, answerer, questions);
  const offTopic = questions.filter((question) => question.kind === "off-topic");
  const offTopicScore = score(knowledge, answerer, offTopic);

  it("answers as it was measured: top-1 ≥ 40%, ≤ 5% of answerable refused", () => {
    assert.ok(questions.filter((question) => question.expect).length >= 30);
    assert.ok(engine.top1 >= 0.4, `top-1 ${engine.top1}`);
    assert.ok((engine.wronglyRefused ?? 1) <= 0.05, `wrongly refused ${engine.wronglyRefused}`);
  });

  it("refuses at least 80% of the questions about life in Korea and Japan that name the countries", () => {
    assert.ok(offTopic.length >= 20);
    assert.ok(
      (offTopicScore.noAnswerRecall ?? 0) >= 0.8,
      `refused ${offTopicScore.noAnswerRecall}`,
    );
  });
});

describe("the same questions in English, Korean and Japanese (questions-trilingual-*.json, written blind)", async () => {
  const { knowledge, engine: answerer } = built.shipped;
  const scores = new Map<string, ReturnType<typeof score>>();
  for (const language of ["en", "ko", "ja"]) {
    const file = path.join(
      PROJECT_ROOT,
      "test",
      "fixtures",
      `questions-trilingual-${language}.json`,
    );
    scores.set(language, score(knowledge, answerer, await readQuestions(file)));
  }

  it("answers Korean and Japanese within 10 points of English: top-1 ≥ 55%, top-3 ≥ 70%, ≤ 5% of answerable refused", () => {
    const english = scores.get("en");
    assert.ok(english && english.answerable >= 45);
    for (const language of ["ko", "ja"]) {
      const asked = scores.get(language);
      assert.ok(asked, language);
      assert.ok(asked.top1 >= 0.55, `${language} top-1 ${asked.top1}`);
      assert.ok(
        asked.top1 >= english.top1 - 0.1,
        `${language} ${asked.top1} vs English ${english.top1}`,
      );
      assert.ok(asked.top3 >= 0.7, `${language} top-3 ${asked.top3}`);
      assert.ok((asked.wronglyRefused ?? 1) <= 0.05, `${language} refused ${asked.wronglyRefused}`);
    }
  });
});

describe("questions rewritten without changing what they ask (npm run rewrites)", async () => {
  const totals = {
    answerable: new Map<string, RewriteFigures>(),
    "to refuse": new Map<string, RewriteFigures>(),
  };
  for (const [file, folder] of [
    ["questions.json", built.v1],
    ["questions-unseen.json", built.v1],
    ["questions-seed-a.json", built.seed],
    ["questions-seed-b.json", built.seed],
    ["questions-coverage.json", built.shipped],
    ["questions-definitions.json", built.shipped],
    ["questions-near-topic-eval.json", built.shipped],
  ] as const) {
    const questions = await readQuestions(path.join(PROJECT_ROOT, "test", "fixtures", file));
    for (const kind of ["answerable", "to refuse"] as const) {
      addFigures(totals[kind], rewriteFigures(folder.answers, questions, REWRITES, kind));
    }
  }

  it("answers alike with a greeting, a label, a plea or a chat spelling around the question: at most 3% of answers change", () => {
    assert.equal(totals.answerable.size, Object.keys(REWRITES).length);
    for (const [name, { asked, changed }] of totals.answerable) {
      assert.ok(asked >= 20, `${name}: ${asked} questions`);
      assert.ok(changed <= 0.03 * asked, `${name}: ${changed} of ${asked} answers changed`);
    }
  });

  it("still refuses what it refuses as written: at most 3% of the questions to refuse answered once rewritten", () => {
    for (const [name, { asked, newlyAnswered }] of totals["to refuse"]) {
      if (asked < 20) continue;
      assert.ok(newlyAnswered <= 0.03 * asked, `${name}: ${newlyAnswered} of ${asked} answered`);
    }
  });
});

describe("ranking weights that hold on files they were not fitted on (npm run fit, leave-one-file-out)", async () => {
  const files: readonly (readonly [string, string])[] = [
    ["questions.json", "v1"],
    ["questions-unseen.json", "v1"],
    ["questions-new-articles.json", "v1+test/fixtures/new-articles"],
    ["questions-seed-a.json", "seed"],
    ["questions-seed-b.json", "seed"],
    ["questions-coverage.json", "shipped"],
  ];
  const examples: Example[] = [];
  for (const [file, spec] of files) {
    examples.push(...(await examplesOf(path.join(PROJECT_ROOT, "test", "fixtures", file), spec)));
  }
  const answerable = examples.filter((example) => example.answerable).length;
  /** Answerable questions over every file with the right paragraph first ("top1") or in the top three. */
  const questionsAt = (byFile: ReadonlyMap<string, Figures>, place: "top1" | "top3") =>
    [...byFile.values()].reduce(
      (sum, figures) => sum + Math.round(figures[place] * figures.answerable),
      0,
    );
  const firstPlaces = (byFile: ReadonlyMap<string, Figures>) => questionsAt(byFile, "top1");
  const topThrees = (byFile: ReadonlyMap<string, Figures>) => questionsAt(byFile, "top3");
  const crossValidated = crossValidate(examples, "ranking");
  const shipped = figuresAsShipped(examples);

  it("answers at least two thirds of the answerable questions with the right paragraph, and three quarters in the top three, each file scored with weights fitted on the other five", () => {
    assert.equal(answerable, 323);
    assert.ok(
      firstPlaces(crossValidated) >= 215,
      `first ${firstPlaces(crossValidated)} of ${answerable}`,
    );
    assert.ok(
      topThrees(crossValidated) >= 270,
      `top-3 ${topThrees(crossValidated)} of ${answerable}`,
    );
  });

  it("ships weights that do not beat their cross-validated figure by more than a few questions (no fitting to these files)", () => {
    const gap = firstPlaces(shipped) - firstPlaces(crossValidated);
    assert.ok(
      gap <= 10,
      `shipped ${firstPlaces(shipped)} against cross-validated ${firstPlaces(crossValidated)}`,
    );
  });
});
