import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { buildIndex } from "../../src/search/build.ts";
import { answerStrength } from "../../src/search/intent.ts";
import { parseQuery } from "../../src/search/query.ts";
import { stemWord, tokenize } from "../../src/search/text.ts";
import { SHIPPED_KNOWLEDGE, V1_KNOWLEDGE } from "../support/knowledge.ts";

const { knowledge } = await loadKnowledge(V1_KNOWLEDGE);
const index = buildIndex(knowledge);
const shipped = buildIndex((await loadKnowledge(SHIPPED_KNOWLEDGE)).knowledge);

function termKeys(question: string, over = index): string[] {
  return parseQuery(over, question).terms.map((term) => term.key);
}

describe("parseQuery", () => {
  it("reads a clipped word as the longer word of the knowledge", () => {
    assert.ok(termKeys("intel sharing").includes("intellig"));
    assert.ok(termKeys("any info on exports").includes("inform"));
    assert.deepEqual(parseQuery(index, "any info on exports").corrections, []);
  });

  it("lets what a question sets aside help a passage but not pick it: besides, other than, apart from", () => {
    const optional = (question: string) =>
      parseQuery(index, question)
        .terms.filter((term) => term.optional)
        .map((term) => term.label.toLowerCase());
    const required = (question: string) =>
      parseQuery(index, question)
        .terms.filter((term) => !term.optional)
        .map((term) => term.label.toLowerCase());
    const asked = "what else did japan restrict besides hydrogen fluoride, and when?";
    assert.ok(!required(asked).some((label) => label.includes("hydrogen")), asked);
    assert.ok(
      optional(asked).some((label) => label.includes("hydrogen")),
      asked,
    );
    assert.ok(required(asked).includes("japan"), asked);
    const other = "other than trade, what do they fight about";
    assert.ok(!required(other).includes("trade"), other);
    assert.ok(required("what did japan restrict in trade").includes("trade"));
  });

  it("weighs no word of comparison or filler: vs, versus, besides, stuff", () => {
    assert.deepEqual(termKeys("exports in july vs august"), termKeys("exports in july august"));
    assert.deepEqual(termKeys("exports in july versus august"), termKeys("exports in july august"));
    assert.deepEqual(termKeys("what stuff besides beer"), termKeys("what beer"));
  });

  it("weighs no adverb of time that only says how far along: already, yet, as still and ever", () => {
    assert.deepEqual(
      termKeys("was the war already dealt with, or not yet"),
      termKeys("was the war dealt with, or not"),
    );
  });

  it("weighs no contraction of a pronoun or modal: I'm, I've, you're, they'll, should've", () => {
    assert.deepEqual(
      termKeys("I'm told, and I’ve read, that you're sure they'll renew the gsomia, I'd say"),
      termKeys("told read sure renew gsomia say"),
    );
    assert.deepEqual(
      termKeys("should've they, could've we, there'll be gsomia y'all"),
      termKeys("gsomia"),
    );
    // Some keyboards type a left quote, a backtick or an accent for the apostrophe.
    for (const typed of ["I‘ve", "I`ve", "I´ve"]) {
      assert.deepEqual(termKeys(`${typed} read about gsomia`), termKeys("read gsomia"), typed);
    }
  });

  it("reads a contracted question word as the question word: why'd, who'll, what're", () => {
    assert.deepEqual(termKeys("why'd korea end gsomia"), termKeys("why did korea end gsomia"));
    assert.equal(parseQuery(index, "when'd gsomia end").answerType, "time");
    assert.equal(parseQuery(index, "who'll renew gsomia").answerType, "person");
  });

  it("still corrects a typo to the word of the same length", () => {
    assert.deepEqual(parseQuery(index, "trad war").corrections, [{ from: "trad", to: "trade" }]);
  });

  it("leaves a capitalised name the knowledge lacks alone, and corrects the first word still", () => {
    // "Japn" is too short to be read as a name's typo; in lower case, or first, it is a typo.
    assert.deepEqual(parseQuery(index, "trade with Japn").corrections, []);
    assert.deepEqual(parseQuery(index, "trade with Brasil").corrections, []);
    assert.deepEqual(parseQuery(index, "trade with japn").corrections, [
      { from: "japn", to: "japan" },
    ]);
    assert.deepEqual(parseQuery(index, "Exprot curbs in july").corrections, [
      { from: "Exprot", to: "export" },
    ]);
  });

  it("reads a mistyped name of the knowledge as that name: letters swapped, or a slip in its commonest", () => {
    assert.deepEqual(parseQuery(index, "trade with Japna").corrections, [
      { from: "Japna", to: "japan" },
    ]);
    assert.deepEqual(parseQuery(index, "why did Soeul end the pact").corrections, [
      { from: "Soeul", to: "seoul" },
    ]);
    assert.ok(termKeys("why did Soeul end the pact").includes(stemWord("seoul")));
    // A name the knowledge lacks, and a short one, stay as typed; and a name is not read as a
    // word the knowledge writes in lower case ("great").
    assert.deepEqual(parseQuery(shipped, "is Greta right about the water").corrections, []);
    assert.deepEqual(parseQuery(index, "what did Mcaron say").corrections, []);
    assert.deepEqual(parseQuery(index, "did Aeb say so").corrections, []);
    // A name that a tenth of the passages have, the parties' own, is mistyped far more often than
    // someone one letter from it is named: any one slip counts.
    const corrected = (question: string) =>
      parseQuery(shipped, question).corrections.map((correction) => correction.to);
    assert.deepEqual(corrected("did Sohth Koyea end the pact"), ["south", "korea"]);
    assert.deepEqual(corrected("trade with Jappan and Jepan"), ["japan", "japan"]);
    // A rarer name only by two letters swapped: one letter more, fewer or wrong makes one real
    // name of another ("Emmanuel" and "Emanuel").
    assert.deepEqual(corrected("what did Nagmaine sign"), ["nagamine"]);
    assert.deepEqual(corrected("what did Nagamina sign"), []);
    // A name the passages write in another form still counts as one: "Koreans" for "Kroeans".
    assert.deepEqual(corrected("why did Kroeans boycott japan"), ["koreans"]);
  });

  it("reads a mistyped month or weekday as that word, never a number, and leaves names alike alone", () => {
    const corrected = (question: string) =>
      parseQuery(shipped, question).corrections.map((correction) => correction.to);
    assert.deepEqual(corrected("did korea drop the wto case in novmber"), ["november"]);
    assert.deepEqual(corrected("what happened on Thrusday"), ["thursday"]);
    assert.deepEqual(corrected("what was decided in Febuary 2019"), ["february"]);
    // Typed capitalised after the first word, one letter wrong or more is a name.
    assert.deepEqual(corrected("what did Marco Rubio say about gsomia"), []);
    assert.deepEqual(corrected("did Frida say anything"), []);
    assert.deepEqual(corrected("is Augusta in georgia"), []);
  });

  it("corrects a word of six letters or fewer by one edit only", () => {
    assert.deepEqual(parseQuery(index, "trade with brasil").corrections, []);
    // A longer word keeps two edits: a missing letter and a wrong one.
    assert.deepEqual(parseQuery(index, "inteligense sharing").corrections, [
      { from: "inteligense", to: "intelligence" },
    ]);
  });

  it("reads a typo as the English word one edit away rather than a word of the knowledge two away", () => {
    // "company" is two edits from "compard" and a word of the shipped knowledge; "compared" is one.
    assert.deepEqual(parseQuery(shipped, "car sales compard to july").corrections, [
      { from: "compard", to: "compared" },
    ]);
    // Two edits stay a correction where no English word is nearer, and where the nearer one is
    // neither an everyday word nor a word the knowledge has: "tarries" is not what was meant.
    assert.deepEqual(parseQuery(index, "inteligense sharing").corrections, [
      { from: "inteligense", to: "intelligence" },
    ]);
    assert.deepEqual(parseQuery(shipped, "what are the tarrifs").corrections, [
      { from: "tarrifs", to: "tariffs" },
    ]);
  });

  it("looks up at most eight words of a question as typos, so a long one of nonsense stays cheap", () => {
    const question = Array.from({ length: 20 }, () => "exprot").join(" and ");
    assert.equal(parseQuery(index, question).corrections.length, 8);
    assert.deepEqual(parseQuery(index, "exprot curbs").corrections, [
      { from: "exprot", to: "export" },
    ]);
  });

  it("drops a mistyped word without a topic instead of weighing it as a rare word", () => {
    assert.deepEqual(termKeys("waht did japan do"), termKeys("what did japan do"));
    assert.deepEqual(termKeys("becuase of the ruling"), termKeys("because of the ruling"));
  });

  it("still reads a mistyped question word as asking what it asks", () => {
    for (const [typed, meant] of [
      ["wihch chemicals did japan restrict", "which chemicals did japan restrict"],
      ["wich chemicals did japan restrict", "which chemicals did japan restrict"],
      ["wehn did japan restrict exports", "when did japan restrict exports"],
    ] as const) {
      for (const knowledgeIndex of [index, shipped]) {
        const query = parseQuery(knowledgeIndex, typed);
        assert.equal(query.answerType, parseQuery(knowledgeIndex, meant).answerType, typed);
        assert.ok(query.answerType !== undefined, typed);
      }
      assert.deepEqual(termKeys(typed), termKeys(meant), typed);
    }
    // An English word near a question word is no typo of it: "wheat" asks for nothing.
    assert.equal(parseQuery(index, "when did wheat exports stop").answerType, "time");
    assert.deepEqual([...parseQuery(index, "when did wheat exports stop").questionWords], ["when"]);
  });

  it("writes out a dropped final g where that makes a word: goin, sayin, nothin", () => {
    assert.deepEqual(
      termKeys("how many koreans stopped goin to japan"),
      termKeys("how many koreans stopped going to japan"),
    );
    assert.deepEqual(termKeys("wat was moon sayin"), termKeys("what was moon saying"));
    // "begin" is a word of its own.
    assert.ok(termKeys("when did the curbs begin").includes("begin"));
  });
});

describe("word forms", () => {
  it("leaves common English words alone instead of 'correcting' them to a word of the knowledge", () => {
    for (const question of [
      "bitcoin price prediction",
      "are koreans boycotting japanese products",
    ]) {
      assert.deepEqual(parseQuery(index, question).corrections, [], question);
    }
  });

  it("never reads a whole English word as a longer word it starts: 'missed' is not 'missile'", () => {
    // The shipped sheets have "mission", "portion", "signal" and "reaction".
    for (const [typed, not] of [
      ["which tests were missed", "mission"],
      ["which port", "portion"],
      ["did they sign", "signal"],
    ] as const) {
      assert.ok(!parseQuery(shipped, typed).terms.some((term) => term.key === not), typed);
    }
    assert.ok(parseQuery(shipped, "how did japan react").terms.some((t) => t.key === "reaction"));
    assert.ok(termKeys("which tests were missed").includes("miss"));
    assert.ok(!termKeys("which tests were missed").includes("missil"));
    assert.ok(!termKeys("what part did the us play").includes("partner"));
    assert.ok(!termKeys("what part did the us play").includes("plaintif"));
    // A clipped word of chat still reads as the word it clips.
    assert.ok(termKeys("intel sharing").includes("intellig"));
  });

  it("reads an English word as a kindred word of the knowledge, never as another word it resembles", () => {
    // The shipped sheets have "brothels", "property", "conversation", "tourism", "tighten" and
    // "neighbour", and none of the words asked below.
    for (const [typed, not] of [
      ["my brother says", "brothel"],
      ["was it done properly", "properti"],
      ["how do you convert it", "convers"],
    ] as const) {
      assert.ok(!termKeys(typed, shipped).includes(not), typed);
    }
    assert.ok(termKeys("how many tourists", shipped).includes("tourism"));
    assert.ok(termKeys("tighter rules", shipped).includes("tighten"));
    assert.ok(termKeys("the neighbors", shipped).includes("neighbour"));
  });

  it("finds 'boycott' from 'boycotting', though Porter stems them apart", () => {
    assert.equal(stemWord("boycotting"), stemWord("boycott"));
    assert.equal(stemWord("committed"), stemWord("commit"));
  });

  it("keeps apart words Porter gives one stem: a statue is no status, 'important' no import", () => {
    for (const [word, other] of [
      ["statue", "status"],
      ["important", "imports"],
      ["several", "severed"],
      ["severe", "several"],
      ["international", "internment"],
      ["general", "generate"],
      ["news", "new"],
      ["experience", "experiment"],
      ["customers", "customs"],
      ["quite", "quit"],
      ["apartment", "apart"],
      ["destroyer", "destroy"],
      ["politely", "politics"],
      ["mobile", "mobilization"],
    ] as const) {
      assert.notEqual(stemWord(word), stemWord(other), `${word} / ${other}`);
    }
    // "quit" is a glossary word for ending the pact: "quite big" must not ask about quitting.
    const quitting = termKeys("did korea quit gsomia", shipped);
    assert.ok(
      !parseQuery(shipped, "was the boycott quite big").terms.some(
        (term) => term.label === "quite" && quitting.includes(term.key),
      ),
    );
    // The forms of each still read as one word.
    assert.equal(stemWord("statues"), stemWord("statue"));
    assert.equal(stemWord("importance"), stemWord("important"));
    assert.equal(stemWord("authorities"), stemWord("authority"));
    assert.equal(stemWord("imported"), stemWord("imports"));
  });

  it("reads every tense of taking effect as the shipped glossary's one term for starting", () => {
    const keys = (question: string) =>
      parseQuery(shipped, question)
        .terms.filter((term) => !term.optional)
        .map((term) => term.key);
    const [startTerm] = keys("when did it take effect");
    assert.ok(startTerm);
    for (const phrasing of [
      "when did it come into force",
      "when does it come into force",
      "when did it go into effect",
      "when it takes effect",
    ]) {
      assert.ok(keys(phrasing).includes(startTerm), phrasing);
    }
  });

  it("reads 'won' after an amount as the currency, and otherwise as the past of 'win'", () => {
    const stems = (text: string) => tokenize(text).map((token) => token.stem);
    assert.ok(stems("pay 100 million won each").includes("won"));
    assert.ok(!stems("who won the world cup").includes("won"));
  });
});

describe("answer types", () => {
  it("reads a Korean or Japanese question asking what one term is as asking for a definition", () => {
    for (const question of [
      "지소미아 뭐야",
      "지소미아가 뭐예요?",
      "화이트리스트란?",
      "화이트리스트에 대해 알려줘",
      "ホワイト国って何",
      "ホワイト国とは何ですか？",
      "GSOMIAとは",
    ]) {
      assert.equal(parseQuery(shipped, question).answerType, "definition", question);
    }
  });

  it("reads no definition where the words before 'what' are more than one term", () => {
    for (const question of [
      "일본이 2019년 7월에 수출 규제한 세 가지 품목이 뭐야?",
      "에스퍼 국방장관이 문재인 대통령한테 지소미아 관련해서 뭐라고 했어?",
      "日韓の貿易摩擦って何が原因なの",
    ]) {
      assert.notEqual(parseQuery(shipped, question).answerType, "definition", question);
    }
  });

  it("searches the term a definition is asked of, not the words that ask for it", () => {
    const labels = (question: string) =>
      parseQuery(shipped, question).terms.map((term) => term.label.toLowerCase());
    for (const question of [
      "define gsomia",
      "gsomia meaning",
      "meaning of gsomia",
      "what does gsomia stand for",
      "gsomia is short for what",
      "full name of gsomia",
      "what is gsomia an acronym for",
    ]) {
      assert.deepEqual([...new Set(labels(question))], ["gsomia"], question);
    }
    // "Stand" and "full" of another question are searched.
    assert.ok(labels("where does japan stand on the ruling").includes("stand"));
  });

  it("prefers a calendar date to a vague time for 'when'", () => {
    assert.equal(answerStrength("time", "Japan's cabinet approved it on 2 August 2019."), 1);
    assert.equal(answerStrength("time", "The court ruled last year."), 0.5);
    assert.equal(answerStrength("time", "The court ruled against the firms."), 0);
    assert.equal(answerStrength("duration", "The talks lasted about 45 minutes."), 1);
  });
});
