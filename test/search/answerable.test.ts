import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type Answer, AnswerEngine } from "../../src/answer.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { answerabilityFeatures } from "../../src/search/answerable.ts";
import { buildIndex } from "../../src/search/build.ts";
import { answerThreshold, OFF_TOPIC_QUESTIONS } from "../../src/search/calibrate.ts";
import { expandChatSpellings } from "../../src/search/chat.ts";
import { asksForMoney, holdsMoneyAmount, holdsNumber } from "../../src/search/intent.ts";
import { questionParts } from "../../src/search/parts.ts";
import { parseQuery } from "../../src/search/query.ts";
import { rankPassages } from "../../src/search/rank.ts";
import { ANSWERABILITY } from "../../src/search/weights.ts";
import { loadKnowledgeSpec } from "../eval/datasets.ts";
import {
  makeKnowledgeDir,
  PROJECT_ROOT,
  testWireArticle,
  V1_KNOWLEDGE,
} from "../support/knowledge.ts";

const { knowledge } = await loadKnowledge(V1_KNOWLEDGE);
const v1 = new AnswerEngine(knowledge);
const seedKnowledge = (await loadKnowledgeSpec("seed")).knowledge;
const seedOnly = new AnswerEngine(seedKnowledge);
const shipped = new AnswerEngine((await loadKnowledgeSpec("shipped")).knowledge);
const withArticles = new AnswerEngine(
  (await loadKnowledgeSpec(`shipped+${PROJECT_ROOT}/test/fixtures/new-articles`)).knowledge,
);
const small = v1;

const DEPUTY_DIRECTOR = /not in the "national interest"/;
/** Seoul's reasons as the seed gives them (the deputy director's, the lede's) and as the GSOMIA sheet does. */
const SCRAPPING_REASONS =
  /not in the "national interest"|amid an escalating dispute over history and trade|no reason to keep the pact with a government that did not see South Korea as a security partner/;

function text(answer: Answer): string | undefined {
  return answer.kind === "answer" ? answer.passage.text : undefined;
}

/** Each pair's first question, as members type it, gets the answer its second one gets. */
function assertAnsweredAlike(pairs: readonly (readonly [typed: string, written: string])[]): void {
  for (const [typed, written] of pairs) {
    const answer = text(small.ask(written));
    assert.ok(answer, written);
    assert.equal(text(small.ask(typed)), answer, typed);
  }
}

function assertWrittenOut(pairs: readonly (readonly [typed: string, written: string])[]): void {
  for (const [typed, written] of pairs) assert.equal(expandChatSpellings(typed), written, typed);
}

/** On the seed alone (8 paragraphs) and on the shipped knowledge (114), the first refused, the second answered. */
function assertRefusedOnSmallAndLarge(
  refused: readonly string[],
  answered: readonly string[],
): void {
  for (const engine of [seedOnly, shipped]) {
    for (const question of refused) assert.equal(engine.ask(question).kind, "no-answer", question);
    for (const question of answered) assert.equal(engine.ask(question).kind, "answer", question);
  }
}

/** Questions no folder on the dispute answers, none of them among the calibration questions. */
const OFF_TOPIC = [
  "how do I bake a chocolate cake",
  "recommend me a horror movie for tonight",
  "how many legs does a spider have",
];

describe("the decision to answer or refuse", () => {
  for (const [name, engine] of [
    ["the seed article alone (8 paragraphs)", seedOnly],
    ["the knowledge of 28 November (37)", v1],
    ["the shipped knowledge (114)", shipped],
    ["the shipped knowledge and three added articles", withArticles],
  ] as const) {
    it(`answers a long, chatty question by its question, in ${name}`, () => {
      const question =
        "I've been following this in my group chat and honestly it's confusing, my uncle keeps saying it's all about trade and nothing else. Anyway, why did South Korea scrap GSOMIA? Thanks a lot!";
      // A reason Seoul gave: the deputy director's, the lede's dispute over history and trade
      // (which the context's "trade" can tip it to), or the presidential office's as the GSOMIA
      // sheet sums it up, which the whole question ranks first once articles are added.
      assert.match(text(engine.ask(question)) ?? "(refused)", SCRAPPING_REASONS);
    });

    it(`refuses questions about something else, in ${name}`, () => {
      // "won" and "world" are in the knowledge, and rare there; they are English's commonest words.
      assert.equal(engine.ask("who won the world cup").kind, "no-answer");
      for (const question of OFF_TOPIC) {
        assert.equal(engine.ask(question).kind, "no-answer", question);
      }
    });
  }

  it("raises the threshold where unrelated questions would match by chance, never past 0.9", () => {
    const quiet = OFF_TOPIC_QUESTIONS.map(() => 0);
    assert.equal(answerThreshold(quiet, 0.3), 0.3);
    const noisy = OFF_TOPIC_QUESTIONS.map((_, at) => at / OFF_TOPIC_QUESTIONS.length);
    const raised = answerThreshold(noisy, 0.3);
    assert.ok(raised > 0.3, `threshold ${raised}`);
    const refused = noisy.filter((probability) => probability < raised).length;
    assert.ok(refused / noisy.length >= 0.85, `refused ${refused} of ${noisy.length}`);
    assert.equal(
      answerThreshold(
        OFF_TOPIC_QUESTIONS.map(() => 0.99),
        0.3,
      ),
      0.9,
    );
  });

  it("is calibrated per folder, never below the fitted threshold", () => {
    for (const engine of [seedOnly, v1, shipped, withArticles]) {
      assert.ok(engine.threshold >= ANSWERABILITY.threshold);
    }
  });
});

describe("what the decision reads of a question the passage may not answer", () => {
  const index = buildIndex(knowledge);
  const ranking = (question: string) => {
    const query = parseQuery(index, question);
    return rankPassages(index, query, 40).map((ranked) => ({
      text: ranked.passage.text,
      features: answerabilityFeatures(query, ranked),
    }));
  };

  it("knows whether the question asks for a kind of answer, a date or a number", () => {
    const [asked] = ranking("When was GSOMIA due to be renewed?");
    const [notAsked] = ranking("GSOMIA renewal");
    assert.equal(asked?.features.answerTypeAsked, 1);
    assert.equal(notAsked?.features.answerTypeAsked, 0);
  });

  it("takes a number written out for its digits, and a glossary phrase with a year for no number", () => {
    const [three] = ranking("Which 3 chemicals did Japan restrict?").filter((entry) =>
      /\bthree chemicals\b/.test(entry.text),
    );
    assert.ok(three, "a passage says 'three chemicals'");
    assert.equal(three.features.missedNumbers, 0);
    const shippedIndex = buildIndex(shipped.knowledge);
    const query = parseQuery(shippedIndex, "what did the 1965 treaty settle");
    assert.ok(query.terms.some((term) => term.label === "1965 treaty"));
    for (const ranked of rankPassages(shippedIndex, query, 10))
      assert.equal(answerabilityFeatures(query, ranked).missedNumbers, 0);
  });

  it("counts a year of the question that a passage lacks, and not one it has", () => {
    const ranked = ranking("Why did South Korea sign GSOMIA in 2016?");
    const withYear = ranked.filter((entry) => entry.text.includes("2016"));
    assert.ok(withYear.length > 0);
    for (const entry of withYear) assert.equal(entry.features.missedNumbers, 0);
    // A passage without the year may still have it in its title or the paragraph before.
    const missing = ranked.filter((entry) => entry.features.missedNumbers === 0.5);
    assert.ok(missing.length > 0);
    for (const entry of missing) assert.doesNotMatch(entry.text, /2016/);
  });
});

describe("a question about a name or a year no source mentions", () => {
  it("is refused when a sentence that asks names them, whatever else a paragraph matches", () => {
    assertRefusedOnSmallAndLarge(
      [
        "What did Senator Elena Marchetti say about Seoul's decision to scrap GSOMIA?",
        "How did the Harbourton Chamber react when Japan removed South Korea from the white list?",
        "what did the HCC say about GSOMIA",
      ],
      [
        "Why did South Korea decide to scrap GSOMIA?",
        // A name in context only, a name the articles spell out, an outlet's name.
        "My friend Elena Marchetti says the pact is dead. Why did South Korea scrap GSOMIA?",
        "What did the NSC's deputy director say about exchanging military intelligence?",
        "What does DW say about the white list?",
      ],
    );
  });

  it("says which name its sources lack", () => {
    const answer = seedOnly.ask(
      "What did Senator Elena Marchetti say about Seoul's decision to scrap GSOMIA?",
    );
    assert.equal(answer.kind, "no-answer");
    assert.equal(answer.kind === "no-answer" ? answer.reason : undefined, "unmentioned");
    assert.equal(
      answer.kind === "no-answer" ? answer.message : undefined,
      "None of my sources mentions Senator Elena Marchetti, so I have no answer to that.",
    );
  });

  it("is refused when it asks about a year its articles never reach, and says which", () => {
    const later = seedOnly.ask("What did South Korea and Japan agree about GSOMIA in 2023?");
    assert.equal(
      later.kind === "no-answer" ? later.message : undefined,
      "None of my sources mentions 2023, so I have no answer to that.",
    );
    assert.equal(seedOnly.ask("who won the 2002 world cup, korea or japan?").kind, "no-answer");
    // 2019, the seed's own date, and 2018, its "last year".
    for (const question of [
      "Why did South Korea end GSOMIA in 2019?",
      "Which court ruling of 2018 does Seoul link to its removal from the white list?",
    ]) {
      assert.equal(seedOnly.ask(question).kind, "answer", question);
    }
    assert.equal(shipped.ask("How did Seoul and Tokyo mend ties in 2023?").kind, "answer");
  });

  it("reads the year of a message typed as into a search box as asked", () => {
    const later = seedOnly.ask("2023 white list restored");
    assert.equal(later.kind === "no-answer" ? later.reason : undefined, "unmentioned");
    assert.equal(seedOnly.ask("gsomia 2019 renewal").kind, "answer");
    // A sentence, not a search box: the year is context unless a sentence asks about it.
    assert.deepEqual(
      parseQuery(buildIndex(seedKnowledge), "back in 2023 they patched it up").unmentioned,
      [],
    );
  });

  it("counts a name only where no passage, title or outlet has it, nor spells out its capitals", () => {
    const index = buildIndex(seedKnowledge);
    const names = (question: string) => parseQuery(index, question).unmentioned;
    assert.deepEqual(names("What did Mike Pompeo say about GSOMIA?"), ["Mike Pompeo"]);
    assert.deepEqual(names("What did the KOSPI do after the white list decision?"), ["KOSPI"]);
    assert.deepEqual(names("What did Kim You-geun say?"), []);
    assert.deepEqual(names("What did the NSC say?"), [], "the National Security Council");
    assert.deepEqual(names("Does DW say why Seoul ended the pact?"), [], "the seed's outlet");
    assert.deepEqual(names("What happened in August?"), [], "a month is no name");
    assert.deepEqual(names("Pompeo was in Seoul that week. Why did Korea end GSOMIA?"), []);
    // In lower case, only a name the glossary writes with capitals: not a slip in a known one.
    assert.deepEqual(names("what did mike pompeo say about gsomia"), ["pompeo"]);
    assert.deepEqual(names("who is kim yoo geun n wat did he say"), []);
  });

  it("knows the place a story's dateline names, though no paragraph quotes it", async () => {
    const { dir, cleanup } = await makeKnowledgeDir({
      "summit.md": testWireArticle("Leaders agree to keep talking", "2019-12-24", [
        "CHENGDU, China, Dec. 24 (Test Wire) -- The two leaders agreed on Tuesday to keep talking about export controls.",
        "Their meeting lasted about 45 minutes, longer than planned.",
      ]),
    });
    try {
      const { knowledge: summit } = await loadKnowledge(dir);
      const engine = new AnswerEngine(summit);
      const index = buildIndex(summit);
      assert.deepEqual(
        parseQuery(index, "What did the leaders agree on in Chengdu?").unmentioned,
        [],
      );
      assert.match(
        text(engine.ask("How long did the leaders' meeting in Chengdu last?")) ?? "",
        /about 45 minutes/,
      );
      assert.deepEqual(parseQuery(index, "What did the leaders agree on in Nagoya?").unmentioned, [
        "Nagoya",
      ]);
    } finally {
      await cleanup();
    }
  });

  it("counts a country no source mentions, typed in lower case as well", () => {
    const index = buildIndex(seedKnowledge);
    const names = (question: string) => parseQuery(index, question).unmentioned;
    assert.deepEqual(names("what did france say about gsomia"), ["France"]);
    assert.deepEqual(names("did the uk or new zealand comment on it?"), ["UK", "New Zealand"]);
    // The seed names both Koreas, China and the United States; "turkey" is a word as often.
    assert.deepEqual(names("what did north korea and the united states say"), []);
    assert.deepEqual(names("what did china say about it"), []);
    assert.deepEqual(names("my uncle lives in canada. why did seoul end the pact?"), []);
    const canada = seedOnly.ask("who is the prime minister of canada");
    assert.equal(canada.kind === "no-answer" ? canada.reason : undefined, "unmentioned");
  });
});

describe("a question that asks how many or how much", () => {
  const HOW_MANY = [
    "how much money did Japan pay Korea under the 1965 treaty",
    "How many islands are at the centre of the territorial dispute?",
    "how many forced laborers did the court ruling cover",
  ];

  it("is refused where no paragraph it matches holds a number, and answered where one does", () => {
    // The seed article has no figure for any of these; the shipped fact sheets have.
    for (const question of HOW_MANY) {
      assert.equal(seedOnly.ask(question).kind, "no-answer", question);
      const answer = shipped.ask(question);
      assert.equal(answer.kind, "answer", question);
      assert.ok(holdsNumber(text(answer) ?? ""), question);
    }
  });

  it("asking how long, is refused by a paragraph that holds no span of time or number", () => {
    // The seed says only that Japan acted "earlier this month", not since when Korea was listed.
    assert.equal(
      seedOnly.ask("how long was south korea on japan's white list before the removal").kind,
      "no-answer",
    );
    assert.match(
      text(seedOnly.ask("how long had the military information agreement been in force")) ?? "",
      /three-year-old/,
    );
  });

  it("takes a number written out as a number: a three-year-old pact answers how many years", () => {
    assert.match(
      text(seedOnly.ask("how many years old was the military information agreement")) ?? "",
      /three-year-old/,
    );
    assert.equal(holdsNumber("It lasted three days."), true);
    assert.equal(holdsNumber("Hundreds of stores joined the boycott."), true);
    assert.equal(holdsNumber("Sales halved within weeks."), true);
    assert.equal(holdsNumber("It ended in 2019, in August."), false);
    // A span of years says how many years: "how many years did colonial rule last?"
    assert.equal(holdsNumber("during Japan's 1910-45 colonial rule of the peninsula"), true);
    assert.equal(holdsNumber("the treaty of 1965 – and the ruling of 2018"), false);
  });

  it("asking how much money, takes only a sum: a date or a count of days does not say what was lost or paid", () => {
    // The passage this matches best gives a date and "34 days", no amount of money.
    assert.equal(
      withArticles.ask("how much money did samsung lose from the curbs?").kind,
      "no-answer",
    );
    const paid = text(shipped.ask("how much did the ruling order nippon steel to pay?"));
    assert.ok(holdsMoneyAmount(paid ?? ""), paid);
    assert.equal(asksForMoney("how much compensation did each plaintiff get"), true);
    assert.equal(asksForMoney("how much of the market did Japanese makers have"), false);
    assert.equal(asksForMoney("how much did sales drop"), false);
    for (const sum of [
      "100 million won",
      "about 1 billion yen",
      "300 million US dollars",
      "$1.2 billion",
      "KRW 5 trillion",
    ]) {
      assert.equal(holdsMoneyAmount(`It paid ${sum}.`), true, sum);
    }
    for (const other of ["about 1,100 items", "World War II", "Korea won 3-1 in 2019"]) {
      assert.equal(holdsMoneyAmount(other), false, other);
    }
  });
});

describe("a question whether a step was undone", () => {
  it("is refused by a paragraph that tells only of the step, and answered by one that tells of its undoing", () => {
    // The seed tells of the pact's end and the white-list removal in August 2019, of nothing undone.
    for (const question of [
      "did seoul reverse its decision to end gsomia?",
      "did japan ever put korea back on the white list?",
      "when did japan lift the export curbs?",
      // A lead-in of chat before the opening still asks.
      "ok so did japan ever put korea back on the white list",
      "according to the article, did seoul reverse its decision to end gsomia",
      // Each part of a longer question is judged as the whole asks.
      "When did Japan lift the curbs, the ones on chemicals and the white list removal?",
    ]) {
      assert.equal(seedOnly.ask(question).kind, "no-answer", question);
    }
    // The seed tells of the court's ruling, never of it overturned.
    assert.equal(seedOnly.ask("who got the ruling overturned in court?").kind, "no-answer");
    assert.match(
      text(shipped.ask("did seoul reverse its decision to end gsomia?")) ?? "(refused)",
      /conditionally suspending its notice of termination/,
    );
    assert.match(
      text(shipped.ask("when did japan put korea back on the white list")) ?? "(refused)",
      /2023/,
    );
    // Asked of what the seed does tell, the same words still find it.
    assert.match(
      text(seedOnly.ask("what did seoul decide about gsomia?")) ?? "(refused)",
      /intelligence|military information/,
    );
  });
});

describe("a question how a party reacted", () => {
  it("is refused by a paragraph that names the party only in passing, and answered by one that tells of its reaction", () => {
    // The seed names China and North Korea only as Washington's other concerns.
    for (const question of [
      "What was China's reaction to the end of intelligence sharing between Seoul and Tokyo?",
      "how did north korea react to all this",
      "wat did north korea say abt the intel sharing ending",
      // The market is the party, not South Korea, which reacts all through the seed.
      "How did South Korea's stock market react to the announcement?",
    ]) {
      assert.equal(seedOnly.ask(question).kind, "no-answer", question);
    }
    assert.match(
      text(seedOnly.ask("How did South Korea respond when Japan took it off the white list?")) ??
        "(refused)",
      /revoking Japan's special trade status/,
    );
    // The sheet's section under "# North Korea" tells of its outlet urging Seoul to scrap the pact.
    assert.match(
      text(shipped.ask("How did North Korea react to the Japan-South Korea dispute?")) ??
        "(refused)",
      /North Korea/,
    );
    assert.match(
      text(shipped.ask("how did china react when korea ended gsomia")) ?? "(refused)",
      /China|Beijing/,
    );
  });
});

describe("a question what a court said", () => {
  it("is answered by its ruling, whether the question names the court, its judge or the Supreme Court", async () => {
    // The Supreme Court's 2018 ruling paragraph reads "the Supreme Court ruled", a court ruling.
    assert.match(
      text(shipped.ask("what did the supreme court say about compensation")) ?? "(refused)",
      /^On 30 October 2018 South Korea's Supreme Court ruled/,
    );
    const ruling = testWireArticle("Harbourton court rules on dockworkers", "2019-03-01", [
      "A district court in Harbourton ruled on Friday that the port operator Example Shipping must compensate 14 former dockworkers for their unpaid wartime wages.",
      "Example Shipping said it would appeal, and the dockworkers' lawyers welcomed the decision.",
    ]);
    const { dir, cleanup } = await makeKnowledgeDir({ "ruling.md": ruling }, { base: "shipped" });
    try {
      const engine = new AnswerEngine((await loadKnowledge(dir)).knowledge);
      for (const question of [
        "what did the judge say about the dockworkers' unpaid wages",
        "wat did the court say abt the dockworkers wages",
      ]) {
        assert.match(text(engine.ask(question)) ?? "(refused)", /^A district court in Harbourton/);
      }
    } finally {
      await cleanup();
    }
  });
});

describe("a question that asks who", () => {
  const festival = testWireArticle("Aichi festival shuts exhibit after threats", "2019-08-04", [
    "The exhibit at the Aichi art festival, which showed works censored elsewhere in Japan, was shut on Saturday after the festival's organisers received threats.",
    "Governor Ken Example, who heads the organisers, said they had received hundreds of threatening calls and faxes.",
    "Trade Minister Taro Sample said on Tuesday that the export curbs would stay in place.",
  ]);

  it("is answered by the paragraph that names someone it does not, and refused where none does", async () => {
    const { dir, cleanup } = await makeKnowledgeDir({ "festival.md": festival }, { base: "empty" });
    try {
      const engine = new AnswerEngine((await loadKnowledge(dir)).knowledge);
      // The first paragraph shares more words; only the second names who heads the organisers.
      assert.match(
        text(engine.ask("Who heads the organisers of the Aichi festival?")) ?? "(refused)",
        /^Governor Ken Example/,
      );
      assert.equal(engine.ask("who replaced Sample as trade minister?").kind, "no-answer");
      assert.match(
        text(engine.ask("who said the export curbs would stay?")) ?? "(refused)",
        /^Trade Minister Taro Sample/,
      );
    } finally {
      await cleanup();
    }
  });
});

describe("a question for a party's stance", () => {
  it("comes to the paragraph where the party states it, not one that names it as another's object", () => {
    // The ruling paragraph shares "Japanese", "compensate" and the war; the 1965 one is Japan's own.
    for (const question of [
      "Japan's view on wartime claims",
      "what is tokyo's position on compensation for the war?",
    ]) {
      assert.match(
        text(seedOnly.ask(question)) ?? "(refused)",
        /^Japan says wartime issues were settled/,
        question,
      );
    }
  });
});

describe("another word for what a long name is", () => {
  it("reads a body's acronym as its name: the NSC is the National Security Council", () => {
    assert.match(
      text(seedOnly.ask("what did the NSC official say")) ?? "(refused)",
      DEPUTY_DIRECTOR,
    );
  });

  it("finds 'the pact' in the seed's 'military information agreement', which it never calls an agreement alone", () => {
    for (const question of ["how old was the pact", "was the pact going to end automatically"]) {
      assert.match(
        text(seedOnly.ask(question)) ?? "(refused)",
        /military information agreement was due/,
        question,
      );
    }
  });
});

describe("questions as members type them", () => {
  it("reads chat spellings as the words they stand for: y, wat, r, u, abt, w/, w/o, b4, gov't, gonna, bein", () => {
    assert.match(text(small.ask("y did korea drop gsomia")) ?? "", DEPUTY_DIRECTOR);
    const pairs: [string, string][] = [
      ["wat r the reasons korea quit gsomia", "what are the reasons korea quit gsomia"],
      [
        "hw did japan restrict exports b4 the white list",
        "how did japan restrict exports before the white list",
      ],
      [
        "wat did the united states think abt gsomia ending",
        "what did the united states think about gsomia ending",
      ],
      ["is the us upset w/ seoul", "is the us upset with seoul"],
      [
        "what did the korean gov't say about gsomia",
        "what did the korean government say about gsomia",
      ],
      ["is korea gonna end gsomia w/o japan", "is korea going to end gsomia without japan"],
      [
        "why was korea bein taken off the white list",
        "why was korea being taken off the white list",
      ],
    ];
    assertAnsweredAlike(pairs);
    assertWrittenOut([
      // Clippings with an apostrophe; contractions stay as they are.
      [
        "the gov't and the int’l community don't agree",
        "the government and the international community don't agree",
      ],
      // An idiom, not an agreement: "what's the deal with" asks what about.
      ["whats the deal with gsomia", "what about gsomia"],
      ["What’s the big deal about it?", "what about it?"],
    ]);
  });

  it("reads South and North Korea by their initials, and not a possessive's s, SK Hynix or chat's n (and) after a country", () => {
    assertAnsweredAlike([
      ["y did s korea end gsomia", "why did south korea end gsomia"],
      ["why did skorea quit the pact", "why did south korea quit the pact"],
      ["y did sk end gsomia", "why did south korea end gsomia"],
      ["what did the 2 govts say about gsomia", "what did the 2 governments say about gsomia"],
    ]);
    assertWrittenOut([
      ["n korea fired missiles", "north korea fired missiles"],
      ["do japan n korea still fight", "do japan and korea still fight"],
      ["china n korea talks", "china and korea talks"],
      ["china n. korea talks", "china north korea talks"],
      ["talks with n korea", "talks with north korea"],
      ["S. Korean firms", "south Korean firms"],
      ["nkorea and skorea", "north korea and south korea"],
      ["Japan's Korea policy", "Japan's Korea policy"],
      ["how did sk react?", "how did south korea react?"],
      ["SK Hynix and sk hynix", "SK Hynix and sk hynix"],
      ["is korea's economy hurt", "is korea's economy hurt"],
    ]);
  });

  it("reads a chat spelling before a possessive's s, and a place in a series typed in digits, but not a day", () => {
    assertAnsweredAlike([
      [
        "did the 1965 treaty end ppl's right to compensation",
        "did the 1965 treaty end people's right to compensation",
      ],
      [
        "what was the govt's reason for ending gsomia",
        "what was the government's reason for ending gsomia",
      ],
    ]);
    assertWrittenOut([
      ["wat's the govt's view", "what's the government's view"],
      ["when was the 1st hearing", "when was the first hearing"],
      ["moon's 3rd summit with abe, his 10th trip", "moon's third summit with abe, his tenth trip"],
      // A letter's plural and a day of a month stay as typed.
      ["the r's and u's", "the r's and u's"],
      ["what happened on aug 2nd", "what happened on august 2nd"],
      ["what happened on sept 2nd", "what happened on september 2nd"],
      ["what happened on August 28th", "what happened on August 28th"],
      ["the 2nd of august", "the 2nd of august"],
      ["the 21st century", "the 21st century"],
    ]);
  });

  it("leaves a letter joined to a word by a hyphen, or Japanese laughter, as it is: U-turn, K-drama, …の？w", () => {
    assertWrittenOut([
      ["why the u-turn on gsomia", "why the u-turn on gsomia"],
      ["Seoul's U-turn", "Seoul's U-turn"],
      ["K-drama exports to japan", "K-drama exports to japan"],
      ["ユニクロってなんで不買の対象になったの？w", "ユニクロってなんで不買の対象になったの？w"],
      ["u r right", "you are right"],
      ["talks w tokyo", "talks with tokyo"],
    ]);
  });

  it("reads b/c, whys and whos, clipped titles (exec, pms, amb) and a count typed as a digit", () => {
    assertAnsweredAlike([
      ["did korea end gsomia b/c of japan", "did korea end gsomia because of japan"],
      ["whys korea ending gsomia", "why's korea ending gsomia"],
    ]);
    assertWrittenOut([
      ["whos the envoy, whats his name", "who's the envoy, what's his name"],
      [
        "which exec spoke before the pms met",
        "which executive spoke before the prime ministers met",
      ],
      ["wat did amb nam say hed do", "what did ambassador nam say he'd do"],
      // A count after "the" is written as news writes it; a name's number or a day is not.
      ["why did the 2 govts fight", "why did the two governments fight"],
      ["which 3 chemicals did japan restrict", "which three chemicals did japan restrict"],
      // The number of a question in a member's list is no number to look for; a day is.
      ["1. why did korea drop gsomia? 2) when?", "why did korea drop gsomia? when?"],
      ["Q3: who signed it", "who signed it"],
      ["bro why did korea drop gsomia tia", " why did korea drop gsomia "],
      ["what happened on 2. Aug. 2. Japan acted", "what happened on 2. august. 2. Japan acted"],
      ["what 2 countries signed gsomia", "what two countries signed gsomia"],
      ["is the switch 2 out", "is the switch 2 out"],
      ["the 2 august talks", "the 2 august talks"],
    ]);
  });

  it("reads chat's shorthand for money, time, offices and fillers rather than weighing it as rare words", () => {
    assertWrittenOut([
      ["tbf wdym by gsomia ig", " what do you mean by gsomia "],
      [
        "what did the prez and the fm say abt the 2 bn usd",
        "what did the president and the foreign minister say about the 2 billion us dollars",
      ],
      // Asking how something stands: its "up", "going" and "news" are no words to look for.
      ["what's going on with gsomia", "what about gsomia"],
      ["any news on the case?", "what about the case?"],
      ["can u break down the boycott", "can you explain the boycott"],
    ]);
    const refusedBefore = [
      "wdym by gsomia",
      "what did the prez say abt gsomia",
      "any news on the forced labour case",
    ];
    for (const question of refusedBefore) assert.ok(text(shipped.ask(question)), question);
  });

  it("answers alike with chat fillers around the question: hmm, bruh, yo, smh, fr, eli5, tl;dr, rn, Q:", () => {
    for (const question of [
      "why did japan remove korea from the white list",
      "why did south korea end the intelligence pact",
      "what did the court rule on forced labour",
    ]) {
      const answer = text(shipped.ask(question));
      assert.ok(answer, question);
      for (const chatty of [
        `hmm ${question}`,
        `bruh ${question} fr`,
        `yo ${question} rn`,
        `smh ${question}`,
        `eli5 ${question}`,
        `tl;dr ${question}`,
        `ikr ${question} tysm`,
        `Q: ${question}`,
      ]) {
        assert.equal(text(shipped.ask(chatty)), answer, chatty);
      }
    }
  });

  it("reads function words as chat spells or slips them, and asks like the question written out", () => {
    const pairs: [string, string][] = [
      [
        "why did japan remove korea from teh white list",
        "why did japan remove korea from the white list",
      ],
      [
        "why did south korea end da intelligence pact lmk",
        "why did south korea end the intelligence pact",
      ],
      [
        "wot did tha court rule on forced labour nd compensation",
        "what did the court rule on forced labour and compensation",
      ],
      ["was dat becuz of the white list", "was that because of the white list"],
    ];
    assertAnsweredAlike(pairs);
  });

  it("searches no word of a label, a handle or a pointer to the source around the question", () => {
    const question = "why did south korea end the intelligence pact";
    assertAnsweredAlike([
      [`quick question: ${question}`, question],
      [`dumb question but ${question}`, question],
      [`@dispute-bot ${question}`, question],
      [`according to the article, ${question}`, question],
      [`${question}, the report says`, question],
    ]);
    assert.equal(
      expandChatSpellings("quick questions about gsomia"),
      "quick questions about gsomia",
    );
    assert.match(expandChatSpellings("what does Article 3 of the treaty say"), /Article 3/);
  });

  it("reads a question through Discord's markup and extra spaces, and still refuses what it refuses", () => {
    const question = "why did south korea end the intelligence pact";
    assertAnsweredAlike([
      ["**why** did south korea end the `intelligence` pact", question],
      ["> why did south korea end the __intelligence__ pact", question],
      ["why  did south korea  end the ||intelligence|| pact", question],
    ]);
    for (const offTopic of [
      "**How** do I say thank you in Korean?",
      "How  do I say  thank you in Korean?",
    ]) {
      assert.equal(text(shipped.ask(offTopic)), undefined, offTopic);
    }
  });

  it("searches no word of a greeting, a plea or what the answer is for around the question", () => {
    const question = "why did south korea end the intelligence pact";
    assertAnsweredAlike([
      [`hi guys, ${question}`, question],
      [`hey bot, ${question}`, question],
      [`wait, ${question}`, question],
      [`${question} anyway?`, question],
      [`any idea ${question}`, question],
      [`${question} pls help`, question],
      [`${question} (for my homework)`, question],
      [`${question}, asking for a friend`, question],
      [`just curious, ${question}`, question],
      [`real quick, ${question}`, question],
      [`question for the bot: ${question}`, question],
      [`${question}, right?`, question],
      [`${question}? any sources?`, question],
    ]);
    for (const kept of [
      "all the chemicals japan restricted",
      "did the us help korea",
      "is it right that korea ended gsomia",
      "what is the source of the chemicals",
      "wait times for export licences",
      "what was the budget for the project",
    ]) {
      assert.equal(expandChatSpellings(kept), kept);
    }
  });

  it("reads 2 and 4 typed for to and for as those words, and a count or a day as a number", () => {
    const pairs: [string, string][] = [
      ["wat happened 2 the gsomia deal", "what happened to the gsomia deal"],
      ["what did japan do 2 korea", "what did japan do to korea"],
      ["is there any hope 4 the gsomia", "is there any hope for the gsomia"],
    ];
    assertAnsweredAlike(pairs);
    assert.equal(
      expandChatSpellings("what did moon declare 2 the press"),
      "what did moon declare to the press",
    );
    // A full stop that ends the question is no abbreviation's.
    assert.equal(expandChatSpellings("what did japan do 2 korea."), "what did japan do to korea.");
    // A count, a place in a series, a time or a day before a word of the list stays a number.
    for (const counted of [
      "the 2 U.S. allies",
      "meet at 2 a.m.",
      "what was in phase 2 the export controls",
      "on aug 2 the cabinet met",
      "on Aug. 2 the cabinet met",
      "top 4 the list",
    ]) {
      assert.doesNotMatch(expandChatSpellings(counted), /\b(?:to|for)\b/, counted);
    }
  });

  it("reads a short month or year as members write it: nov, aug, '19, '65", () => {
    const pairs: [string, string][] = [
      ["what happened to gsomia in nov '19", "what happened to gsomia in november 2019"],
      ["when did japan curb exports in jul '19", "when did japan curb exports in july 2019"],
      ["what did the '65 treaty settle", "what did the 1965 treaty settle"],
    ];
    assertAnsweredAlike(pairs);
    // A decade, a quote and a name stay as typed.
    for (const kept of ["back in the '90s", "rock ‘n’ roll", "did Jan and May say so"]) {
      assert.equal(expandChatSpellings(kept), kept);
    }
  });

  it("reads a link pasted with a question as the words of its path, not as unknown words", () => {
    const clean = text(small.ask("why did korea end gsomia"));
    assert.ok(clean);
    for (const link of [
      "https://example.com/x",
      "https://www.example.com/2019/08/22/a-123.html?ref=abc#top",
      "www.example.org",
    ]) {
      assert.equal(text(small.ask(`why did korea end gsomia ${link}`)), clean, link);
    }
    const words = (question: string) =>
      parseQuery(buildIndex(small.knowledge), question).terms.map((term) => term.label);
    assert.deepEqual(
      words("is this true? https://news.example.com/en/korea-ends-gsomia/a-50127870?x=1").sort(),
      words("is this true? korea ends gsomia").sort(),
    );
  });

  it("takes a misspelt everyday word the knowledge lacks for that word, not for a name", () => {
    // The seed article says "announced", never "announcement": "anouncement" stays a word it
    // lacks, and an unknown name or jargon word is what off-topic questions have.
    assert.match(
      text(seedOnly.ask("was the anouncement on thrusday or friday?")) ?? "(refused)",
      /South Korea will stop sharing intelligence/,
    );
    const seedIndex = buildIndex(seedOnly.knowledge);
    const unknownRare = (question: string) => {
      const query = parseQuery(seedIndex, question);
      const [best] = rankPassages(seedIndex, query, 1);
      assert.ok(best, question);
      return answerabilityFeatures(query, best).unknownRare;
    };
    assert.equal(unknownRare("when was the anouncement about gsomia"), 0);
    // A letter typed twice is a slip too ("braands"), but not in "ee" or "oo", as romanised
    // Korean names have them ("shinee").
    assert.equal(unknownRare("which braands were boycotted over gsomia"), 0);
    assert.equal(unknownRare("did shinee talk about gsomia"), 1 / 3);
    // Nor at the end, where names double theirs: "starr" is no "star".
    assert.equal(unknownRare("did starr talk about gsomia"), 1 / 3);
    // Capitalised, "Stela" is a name someone typed, though "steal" is one edit away; in lower
    // case, a name is no slip of typing when it has a letter more than a word ("messi", "showa")
    // or, being short, another letter ("boris", "bores").
    assert.equal(unknownRare("when did Stela talk about gsomia"), 1 / 3);
    assert.equal(unknownRare("did messi or showa or boris talk about gsomia"), 1);
    assert.equal(seedOnly.ask("is matcha from japan").kind, "no-answer");
    // Eight words at most are looked up as typos, as in parseQuery: a long question of
    // misspellings stays cheap. The ninth and tenth count as names.
    const tenTypos =
      "gsomia anouncement yesturday tomorow diffrent goverment beleive recieve seperate wierd freind";
    assert.equal(unknownRare(tenTypos), 2 / 3);
  });

  it("answers alike whatever invisible or control characters a question holds", () => {
    const clean = text(small.ask("why did korea drop gsomia"));
    assert.ok(clean);
    assert.equal(text(small.ask("why did korea drop gso\u200bmia")), clean);
    assert.equal(text(small.ask("why did korea\u0007drop gsomia")), clean);
    assert.equal(text(small.ask("why did korea drop gso\u00admia\u0000")), clean);
  });

  it("answers a Korean or Japanese question as its English equivalent", () => {
    const english = text(small.ask("why did South Korea end GSOMIA?"));
    assert.match(english ?? "", DEPUTY_DIRECTOR);
    assert.equal(text(small.ask("한국은 왜 지소미아를 종료했나요?")), english);
    assert.equal(text(small.ask("지소미아를 왜 종료했어?")), english);
    assert.equal(text(small.ask("韓国はなぜGSOMIAを破棄したのですか")), english);
  });

  it("refuses questions about the Korean or Japanese language, which no news paragraph answers", () => {
    // A question on what Korea said is no question about the language.
    assertRefusedOnSmallAndLarge(
      [
        "How do I say thank you in Korean?",
        "what does 'kamsahamnida' mean in korean",
        "translate good morning into japanese",
        "is hangul easier to learn than kanji",
      ],
      ["what did south korea say about gsomia"],
    );
  });

  it("refuses a request for instructions or advice that shares a word with the articles, which news never gives", () => {
    // Not a question on how something happened or works, which the news may answer.
    assertRefusedOnSmallAndLarge(
      [
        "How do I renew my passport online?",
        "How do I add an address to my email white list so newsletters stop going to spam?",
        "how can we get a visa for south korea",
        "how to use the subway in Seoul with a T-money card",
        "is seoul cold in december? what should i pack",
      ],
      [
        "how did south korea respond to japan",
        "how did japan justify removing korea from the white list",
      ],
    );
  });

  it("refuses a question that shares fewer words with the articles than it has words they lack", () => {
    // "ruling" and "island" are the seed's; the sport and the game are not.
    for (const question of [
      "whats the offside ruling in soccer",
      "best island in animal crossing layout ideas",
    ]) {
      assert.equal(seedOnly.ask(question).kind, "no-answer", question);
    }
    // Two words the sheets have ("Samsung", "8"), five they lack.
    assert.equal(shipped.ask("samsung galaxy s24 vs pixel 8 camera comparison").kind, "no-answer");
    // A slip of typing, a weekday or a year is no other topic; nor is a question with two of its words.
    for (const question of [
      "was the anouncement on thrusday or friday?",
      "the 2018 ruling in 2019?",
      "who appealed the ruling in court?",
    ]) {
      assert.equal(seedOnly.ask(question).kind, "answer", question);
    }
  });

  it("refuses a question about the member's own affairs that shares words with the articles", () => {
    // News says what happened to others: not whether the member's policy renews or deposit is kept.
    assertRefusedOnSmallAndLarge(
      [
        "does my car insurance renew automatically if I don't cancel it?",
        "can my landlord keep the deposit if i cancel the lease early?",
      ],
      [
        "My uncle says Japan never compensated anyone. Did Japanese firms have to pay forced laborers?",
      ],
    );
  });

  it("answers a question whose words of the topic are glossary terms common in English", () => {
    // "agreement" and "extended" are both among English's commonest words; "agreement" is a
    // glossary term ("agreement", "pact", "deal"), so the match is the topic's, not chance.
    assert.match(
      text(seedOnly.ask("was the agreement going to be extended?")) ?? "",
      /due to be automatically renewed/,
    );
    assert.equal(seedOnly.ask("who won the world cup").kind, "no-answer");
  });

  it("still drops a sentence around the question that shares such a term by chance", () => {
    const alone = text(seedOnly.ask("Why did South Korea end GSOMIA?"));
    assert.match(alone ?? "", /national interest/);
    assert.equal(
      text(
        seedOnly.ask(
          "My landlord and I shook on a verbal agreement last year. Why did South Korea end GSOMIA?",
        ),
      ),
      alone,
    );
  });

  it("answers why with the reason given, not with the pact's renewal date", () => {
    // "was due to be automatically renewed" read as a reason put the renewal paragraph first.
    const answer = seedOnly.ask("Why did Seoul pull out of the military intelligence deal?");
    assert.match(text(answer) ?? "", DEPUTY_DIRECTOR);
  });

  it("answers who announced a decision with the office that announced it", () => {
    const answer = seedOnly.ask(
      "Who in Seoul announced that the intelligence deal with Tokyo was over?",
    );
    assert.match(text(answer) ?? "", /presidential office said/);
  });

  it("refuses an off-topic who question even where the seed names a body that speaks", () => {
    // The answer-or-refuse model was fitted on people and titles; a body counts for ranking only.
    assert.equal(
      seedOnly.ask("who won the dispute between epic games and apple").kind,
      "no-answer",
    );
  });

  it("refuses a question on a statue that the seed matches only through its export status", () => {
    // Porter stems "statue" and "status" alike; the seed has the second and no statue.
    assert.equal(seedOnly.ask("who designed the statue of liberty?").kind, "no-answer");
    assert.match(text(seedOnly.ask("what trade status did South Korea revoke?")) ?? "", /status/);
  });

  it("refuses a Korean or Japanese question that names only the parties and asks of something else", () => {
    assertRefusedOnSmallAndLarge(
      [
        "韓国の天気はどう？",
        "일본 여행 가려면 비자 필요해?",
        "한국 인구는 몇 명이야?",
        "韓国ドラマでおすすめは？",
      ],
      ["한국은 왜 지소미아를 종료했나요?", "日本はなぜ韓国をホワイト国から除外したのか"],
    );
  });
});

describe("a question about what a name is", () => {
  it("is answered where the name is spelled out or defined, not where it is only used", () => {
    const spelledOut = /General Security of Military Information Agreement \(GSOMIA\)/;
    for (const question of [
      "what does GSOMIA stand for",
      "GSOMIA is short for what?",
      "full name of GSOMIA",
    ]) {
      assert.match(text(shipped.ask(question)) ?? "", spelledOut, question);
      assert.match(text(withArticles.ask(question)) ?? "", spelledOut, question);
    }
    assert.match(text(shipped.ask("what is PNR")) ?? "", /PNR, its joint venture/);
  });

  it("says what a name stands for where a paragraph writes it out, and refuses where none does", () => {
    assert.match(text(shipped.ask("what does WTO stand for")) ?? "", /World Trade Organi[sz]ation/);
    assert.match(text(seedOnly.ask("what does NSC stand for")) ?? "", /National Security Council/);
    // The seed names the pact "the three-year-old military information agreement", never in full.
    assert.equal(seedOnly.ask("What does the abbreviation GSOMIA stand for?").kind, "no-answer");
  });
});

describe("words an article's title or tags have and a paragraph lacks", () => {
  const seedIndex = buildIndex(seedKnowledge);
  const featuresOf = (question: string, opening: string) =>
    rankPassages(seedIndex, parseQuery(seedIndex, question), 8).find((entry) =>
      entry.passage.text.startsWith(opening),
    )?.features;

  it("credits a paragraph with its title's words, not with its tags': those list every subject", () => {
    // The seed's title says "intelligence sharing"; "white list" is only one of its tags.
    assert.ok(
      (featuresOf("intelligence sharing spat", "The intensifying spat")?.titleContext ?? 0) > 0,
    );
    assert.equal(featuresOf("white list spat", "The intensifying spat")?.titleContext, 0);
    assert.ok((featuresOf("white list spat", "The intensifying spat")?.focus ?? 0) > 0);
  });

  it("answers with the paragraph that has the words a tag shares with the question", () => {
    assert.match(
      text(
        seedOnly.ask(
          "ok so i've been following this on and off and honestly it feels like every week one side does something and the other side retaliates. now seoul pulled out of the intel thing. is this basically just the next step in that back-and-forth, and does it hurt america at all?",
        ),
      ) ?? "",
      /latest tit-for-tat escalation/,
    );
  });
});
describe("sentences around a question that share nothing with its topic", () => {
  const AROUND = [
    "I keep hearing different things about this.",
    "Sorry if this is a dumb question.",
    "Can someone help me?",
    "My teacher mentioned it in class today.",
  ];
  const QUESTIONS = [
    "why did japan and korea fall out",
    "gsomia termination date",
    "What did the court say about forced labour?",
    "korea japan wto case",
    "Why did Japan say it was tightening export controls on South Korea?",
    "how do I bake a chocolate cake",
  ];

  it("leave the answer as the question alone gets it, before the question or after it", () => {
    for (const question of QUESTIONS) {
      const alone = text(shipped.ask(question));
      for (const sentence of AROUND) {
        assert.equal(
          text(shipped.ask(`${sentence} ${question}`)),
          alone,
          `${sentence} ${question}`,
        );
        if (/[?.!]$/u.test(question)) {
          assert.equal(
            text(shipped.ask(`${question} ${sentence}`)),
            alone,
            `${question} ${sentence}`,
          );
        }
      }
    }
  });

  it("leave an off-topic question after a sentence on the topic to be refused", () => {
    const dinner = "We talked about GSOMIA in class. What should I cook for dinner tonight?";
    assert.equal(shipped.ask(dinner).kind, "no-answer");
    const thanks = "I read about the 1965 treaty. How do I say thank you politely in Korean?";
    for (const engine of [seedOnly, shipped]) assert.equal(engine.ask(thanks).kind, "no-answer");
  });

  it("keep a sentence that names the topic, and a bare question about the facts before it", () => {
    const answer = shipped.ask("South Korea said it would end GSOMIA. Why?");
    assert.equal(answer.kind, "answer");
    assert.equal(text(answer), text(shipped.ask("Why did South Korea say it would end GSOMIA?")));
    assert.equal(
      text(shipped.ask("I keep hearing different things about this. What is the catch-all rule?")),
      text(shipped.ask("What is the catch-all rule?")),
    );
  });
});

describe("a long question's whole and the parts that ask", () => {
  it("keeps the whole's paragraph where a part ranks it too, rather than a part's own first", () => {
    const question =
      "Was this an official Blue House statement or just some anonymous officials leaking to the press? I hate when these stories are based on rumours. What source does the article give for the announcement that the intel sharing is ending, and what day was it?";
    assert.match(
      text(seedOnly.ask(question)) ?? "(refused)",
      /presidential office said on Thursday/,
    );
  });

  it("refuses a long question the article does not answer that one part matches by chance", () => {
    const question =
      "I'm curious about the economic damage. How much money did Korean and Japanese companies lose because of the white list removals and the boycotts? Are there any figures on trade volume dropping after the dispute started?";
    assert.equal(seedOnly.ask(question).kind, "no-answer");
  });
});

describe("questionParts", () => {
  it("leaves a short question whole", () => {
    assert.deepEqual(questionParts("why did korea drop gsomia"), []);
  });

  it("never ends a sentence at an initial or an abbreviation: S. Korea, U.S. officials, Mr. Abe, Aug. 28", () => {
    assert.deepEqual(
      questionParts(
        "What was S. Korea's position among the export markets for Japanese beer makers?",
      ),
      [],
    );
    assert.deepEqual(
      questionParts("I read about it. What did Mr. Abe say to U.S. officials on Aug. 28 about it?"),
      ["What did Mr. Abe say to U.S. officials on Aug. 28 about it?"],
    );
  });

  it("splits a long one at sentences and clauses, and keeps the parts that ask", () => {
    const parts = questionParts(
      "My uncle says it is all about trade, but I am not sure. Why did South Korea scrap GSOMIA? Thanks!",
    );
    assert.deepEqual(parts, ["Why did South Korea scrap GSOMIA?"]);
    const curbs = questionParts(
      "I watched the news last night about the export curbs, and I have a question: did Japan warn its suppliers first, or tell me what they said",
    );
    assert.ok(curbs.includes("did Japan warn its suppliers first"), curbs.join(" | "));
    assert.ok(!curbs.some((part) => part.includes("watched")), curbs.join(" | "));
    assert.ok(
      questionParts(
        "어제 저녁에 친구와 함께 뉴스를 보면서 지소미아 종료에 대해 오래 이야기했어요. 한국은 왜 지소미아를 종료했나요?",
      ).length > 0,
    );
  });

  it("reads a part as chat writes it: a lead-in before the opening, a chat spelling of the question word", () => {
    const parts = questionParts(
      "I read a lot about the export fight and the boycott this summer. ok so did japan ever put korea back on the white list. n wat did seoul say",
    );
    assert.ok(
      parts.includes("ok so did japan ever put korea back on the white list."),
      parts.join(" | "),
    );
    assert.ok(parts.includes("n wat did seoul say"), parts.join(" | "));
    assert.ok(!parts.some((part) => part.includes("boycott")), parts.join(" | "));
  });
});
