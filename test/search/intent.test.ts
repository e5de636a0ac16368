import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  answerStrength,
  answerTypeOf,
  asksAboutLanguage,
  asksForInstructions,
  type CuedAnswerType,
  holdsList,
  namesAPerson,
} from "../../src/search/intent.ts";
import { tokenize } from "../../src/search/text.ts";

/** Each text's strength as an answer of the given kind. */
function assertStrengths(
  type: CuedAnswerType,
  cases: readonly (readonly [string, number])[],
): void {
  for (const [text, strength] of cases) assert.equal(answerStrength(type, text), strength, text);
}

/** Every kind of answer a cue finds in a text. */
const ANSWER_TYPES: readonly CuedAnswerType[] = [
  "reason",
  "time",
  "year",
  "quantity",
  "duration",
  "person",
  "definition",
  "list",
  "purpose",
  "place",
];

/** Paragraphs that made a backtracking pattern take time quadratic in their length. */
const WORST_CASES: Record<string, (length: number) => string> = {
  "words without a comma": (length) => "export ".repeat(length / 7),
  "commas without an and": (length) => "x, ".repeat(length / 3),
  "one run of digits": (length) => "1".repeat(length),
  "digits and dots": (length) => "1.".repeat(length / 2),
  "spaces after a word": (length) => `a${" ".repeat(length)}`,
  "capitalised words without an acronym": (length) => "Agreement ".repeat(length / 10),
};

/** The fastest of several runs of every answer type's test on `text`, in ms per run. */
function costOf(text: string): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 5; run++) {
    let calls = 0;
    const started = performance.now();
    do {
      for (const type of ANSWER_TYPES) answerStrength(type, text);
      calls += 1;
    } while (performance.now() - started < 10);
    fastest = Math.min(fastest, (performance.now() - started) / calls);
  }
  return fastest;
}

const typeOf = (question: string, oneTerm = false) => answerTypeOf(tokenize(question), oneTerm);

/** `read` is true of each question that asks so, false of each that does not. */
function assertReads(
  read: (question: string) => boolean,
  asking: readonly string[],
  notAsking: readonly string[],
): void {
  for (const question of asking) assert.equal(read(question), true, question);
  for (const question of notAsking) assert.equal(read(question), false, question);
}

describe("the kind of answer a question asks for", () => {
  it("reads a request for what something is, and a term asked alone, as asking for a definition", () => {
    for (const question of [
      "what is GSOMIA",
      "what was the boycott",
      "what does Group A mean",
      "what is meant by shuttle diplomacy",
      "what do you mean by the white list",
      "define the third-party compensation plan",
      "explain the no japan movement",
      "who are the comfort women",
      "who is Lee Nak-yon",
      "what's GSOMIA",
      "what’s the white list",
      "who's Kim You-geun",
      "what exactly is the white list",
      "can you explain the white list",
      "pls define shuttle diplomacy",
      "gsomia meaning",
    ])
      assert.equal(typeOf(question), "definition", question);
    assert.equal(typeOf("what exactly did Moon say"), undefined);
    // Contracted or not, a longer question asks about its subject, not what it is.
    assert.equal(typeOf("what's the latest on the white list"), undefined);
    assert.equal(typeOf("what is the latest on the white list talks"), undefined);
    // A word or a glossary term alone, as the query reads it.
    assert.equal(typeOf("gsomia?", true), "definition");
    assert.equal(typeOf("white list", true), "definition");
    assert.equal(typeOf("gsomia suspension", false), undefined);
  });

  it("reads 'how come' as asking why", () => {
    assert.equal(typeOf("how come japan took korea off the white list"), "reason");
    assert.equal(typeOf("How come Seoul never actually ended the pact?"), "reason");
    assert.equal(typeOf("how many chemicals"), "quantity");
  });

  it("reads a question about what a name stands for as asking for its expansion", () => {
    for (const question of [
      "what does GSOMIA stand for",
      "GSOMIA stands for what?",
      "what is the WTO short for",
      "full name of the WTO",
      "what's the full form of METI",
      "what is EUV an acronym for",
      "PNR abbreviation",
    ])
      assert.equal(typeOf(question), "expansion", question);
  });

  it("reads a short question asking whether, or a keyword question with a date noun, as no definition", () => {
    assert.equal(typeOf("did the us send anyone to seoul"), undefined);
    assert.equal(typeOf("is gsomia dead?"), undefined);
    assert.equal(
      typeOf("who was the foreign minister who called the ruling unacceptable"),
      "person",
    );
    assert.equal(typeOf("white list removal date"), "time");
    assert.equal(typeOf("what was the reason Seoul gave for ending the pact"), undefined);
  });

  it("reads 'which' as asking for a list only before a plural or a count", () => {
    for (const question of [
      "which countries are on the white list",
      "Which semiconductor materials were affected by the curbs?",
      "which three chemicals did Japan restrict",
      "which of the two leaders spoke first",
    ])
      assert.equal(typeOf(question), "list", question);
    // One thing asked for: any paragraph that names it answers, with or without a list.
    assert.equal(typeOf("Which council does the official belong to?"), undefined);
    assert.equal(typeOf("which one was signed first"), undefined);
    assert.equal(typeOf("Which Japanese company got the first license?"), undefined);
    assert.equal(typeOf("Which US official explained the decision?"), "person");
  });

  it("reads a keyword question naming an amount as asking how much", () => {
    assert.equal(typeOf("airport terminal expansion cost"), "quantity");
    assert.equal(typeOf("comfort women compensation amount"), "quantity");
    assert.equal(typeOf("damages per comfort woman"), "quantity");
    assert.equal(typeOf("number of korean visitors to japan in 2019"), "quantity");
    // With a question word, the question word decides.
    assert.equal(typeOf("why did the cost of the chemicals rise"), "reason");
  });
});

describe("questions asking for a year", () => {
  it("reads 'what year' and a keyword question naming the year as asking for a year, 'when' as asking for the day", () => {
    assert.equal(typeOf("since what year had Korea been on the white list"), "year");
    assert.equal(typeOf("In which year was the treaty signed?"), "year");
    assert.equal(typeOf("treaty signing year"), "year");
    assert.equal(typeOf("when was the treaty signed"), "time");
    assert.equal(typeOf("what date does the removal take effect"), "time");
  });

  it("takes a year alone as the whole answer to 'what year', but not to 'when'", () => {
    const text = "South Korea has been on the list since it was added in 2004.";
    assert.equal(answerStrength("year", text), 1);
    assert.equal(answerStrength("time", text), 0.5);
    assert.equal(answerStrength("year", "It joined the list on Thursday."), 0);
  });
});

describe("questions asking where", () => {
  it("reads 'where' and a keyword question naming a venue or location as asking for a place", () => {
    for (const question of [
      "where did the two foreign ministers meet",
      "where were the dec 16 talks",
      "Where will the next round of export talks be, and when?",
      "moon abe summit venue",
      "next export talks location",
      "회담은 어디서 열렸나요?",
      "会談はどこで開かれた？",
    ]) {
      assert.equal(typeOf(question), "place", question);
    }
  });

  it("reads where things stand, rank or come from as asking for no place", () => {
    for (const question of [
      "where do things stand with gsomia now",
      "where did korea rank as a market for japanese beer",
      "where is the money for the victims fund coming from",
      "where is this dispute heading",
    ]) {
      assert.equal(typeOf(question), undefined, question);
    }
  });

  it("finds a place after 'in' or 'at', but not a month, a weekday or one of the parties", () => {
    assert.equal(answerStrength("place", "The ministers met in Nagoya on Friday."), 1);
    assert.equal(answerStrength("place", "Talks were held at the Blue House."), 1);
    for (const text of [
      "The curbs took effect in July.",
      "Officials met again on Thursday in Tokyo.",
      "Protests spread in South Korea.",
      "The pact matters in the United States and in Japan.",
    ]) {
      assert.equal(answerStrength("place", text), 0, text);
    }
  });
});

describe("answer types in a passage", () => {
  it("finds a list of three or more items, with or without the comma before 'and'", () => {
    assert.ok(
      holdsList("Japan restricted fluorinated polyimide, photoresists and hydrogen fluoride."),
    );
    assert.ok(holdsList("It named Seoul, Busan, and Incheon; then it stopped."));
    assert.ok(holdsList("Tokyo, Osaka or Kyoto"));
    assert.equal(answerStrength("list", "Seoul, Busan and Incheon"), 1);
  });

  it("reads a name spelled out with its acronym as a definition, and 'called' only as a name given", () => {
    const signed =
      "Han Min-koo signed the General Security of Military Information Agreement (GSOMIA) in Seoul.";
    assert.equal(answerStrength("definition", signed), 1);
    assert.equal(
      answerStrength("definition", "The so-called GSOMIA lets them share intelligence."),
      1,
    );
    assert.equal(answerStrength("definition", "The pact is called GSOMIA."), 1);
    assert.equal(answerStrength("definition", "The outlet called the pact a stepping stone."), 0);
    assert.equal(answerStrength("definition", "Seoul called on Tokyo to lift the curbs."), 0);
    assert.equal(answerStrength("definition", "Trade rose by 3% (year on year)."), 0);
  });

  it("reads a time said relative to the story's day as half a date: earlier this month, two weeks ago", () => {
    for (const text of [
      "Seoul's response comes after Japan earlier this month cited national security reasons.",
      "The curbs took effect last week.",
      "Talks are planned for next month.",
      "Tokyo announced the step two weeks ago.",
      "Seoul answered 34 days later.",
      "The ceremony is tonight.",
    ]) {
      assert.equal(answerStrength("time", text), 0.5, text);
    }
    assert.equal(answerStrength("time", "The week's talks ended without a deal."), 0);
    assert.equal(answerStrength("time", "Each week brings new talks."), 0);
  });

  it("reads a date as news agencies write it, with the month shortened", () => {
    assert.equal(answerStrength("time", "The removal takes effect Aug. 28, officials said."), 1);
    assert.equal(
      answerStrength("time", "He will be in Tokyo from Oct. 22 to attend the ceremony."),
      1,
    );
    assert.equal(answerStrength("time", "Talks resumed on Sept. 11."), 1);
    assert.equal(answerStrength("time", "The octopus 22 went missing."), 0);
    assert.equal(answerStrength("time", "Talks are expected in Dec., officials said."), 0.5);
    // Without the full stop, as some outlets write it, before a day only.
    assert.equal(answerStrength("time", "The removal, which will be effective Aug 28, will…"), 1);
    assert.equal(answerStrength("time", "Officials met again on Sept 11 in Seoul."), 1);
    assert.equal(answerStrength("time", "The Jun family said nothing."), 0);
  });

  it("reads an amount, not a year, a day of a month or the end of a span of years", () => {
    assert.equal(answerStrength("quantity", "The court ordered it to pay 100 million won."), 1);
    assert.equal(answerStrength("quantity", "Only 15 surviving victims are registered."), 1);
    assert.equal(
      answerStrength("quantity", "Reminders of Japan's 1910-45 colonial rule remain."),
      0,
    );
    assert.equal(answerStrength("quantity", "The removal takes effect on Aug. 28."), 0);
    assert.equal(answerStrength("quantity", "The curbs took effect on July 4 in 2019."), 0);
  });

  it("reads no month in the words 'may' and 'march', but reads months and weekdays in either case", () => {
    assertStrengths("time", [
      ["Japan may lift the curbs if the talks go well.", 0],
      ["Protesters will march to the embassy.", 0],
      ["The curbs took effect in May.", 0.5],
      ["Talks resumed in March.", 0.5],
      ["the curbs began in july", 0.5],
      ["officials met on monday", 0.5],
    ]);
  });

  it("reads no reason in a schedule, a grant or a source: 'due to be renewed', 'given', 'cited by'", () => {
    assertStrengths("reason", [
      ["The agreement was due to be automatically renewed on Saturday.", 0],
      ["The pact was due to expire at midnight.", 0],
      ["Korea was given preferential treatment.", 0],
      ["The figures were cited by Yonhap.", 0],
      ["Sales fell due to the boycott.", 1],
      ["It is not in the national interest given the change.", 1],
      ["Tokyo removed Seoul, citing national security.", 1],
    ]);
  });

  it("reads a person by a title, capitalised before a name as news writes it, or lower case", () => {
    assert.equal(answerStrength("person", "Foreign Minister Taro Kono called it regrettable."), 1);
    assert.equal(answerStrength("person", "President Moon Jae-in spoke on Thursday."), 1);
    assert.equal(answerStrength("person", "The minister declined to comment."), 1);
    assert.equal(answerStrength("person", "The curbs took effect in July."), 0);
  });

  it("reads a body that speaks or acts for people as an answer to who, but not as a person named", () => {
    const office = "South Korea's presidential office said on Thursday.";
    const court = "The Supreme Court ordered the firms to pay.";
    assertStrengths("person", [
      [office, 1],
      [court, 1],
      ["The ministries declined to comment.", 1],
      ["The officers left; the courtyard was empty.", 0],
    ]);
    assert.equal(namesAPerson(office), false);
    assert.equal(namesAPerson(court), false);
    assert.equal(namesAPerson("Foreign Minister Taro Kono called it regrettable."), true);
  });

  it("reads a Korean name by its hyphenated given name, without a title, but not 'Seoul-based'", () => {
    assert.equal(answerStrength("person", "The plaintiffs, including Yang Geum-deok, filed."), 1);
    assert.equal(answerStrength("person", "Kang Kyung-wha met her counterpart."), 1);
    assert.equal(answerStrength("person", "The Seoul-based group and the Japan-led bloc met."), 0);
  });

  it("tells a question about the Korean or Japanese language from one about what Korea or Japan said", () => {
    assertReads(
      asksAboutLanguage,
      [
        "how do you count to ten in korean",
        "How would I write my name in Japanese?",
        "what does annyeong mean in korean",
        "what's the Japanese word for cat",
        "can you translate hello to japanese",
        "hiragana or katakana first?",
        "how do I learn Korean fast",
        "best way to study japanese",
        "where can I find korean lessons",
        "is the korean language hard",
      ],
      [
        "what did japan say in its statement",
        "how did korean media report the ruling",
        "what does gsomia mean for the us",
        "what did the japanese foreign ministry say in korean newspapers",
        "did japan teach korean history in its schools",
        "what do students learn about japanese colonial rule",
      ],
    );
  });

  it("reads a request for instructions or advice, not a question on how something happened or works", () => {
    assertReads(
      asksForInstructions,
      [
        "How do I renew my passport online?",
        "how can we get a visa",
        "how to reverse a list in python",
        "how should i file a claim",
        "is seoul cold in december? what should i pack",
        "which day trips would you recommend near osaka",
        "moving to seoul next year, any tips?",
        "my cat hisses at the new kitten nonstop. tips?",
        "first japan trip tips, is the rail pass worth it for tokyo and osaka",
        "trade school vs college, which is actually worth it",
      ],
      [
        "how did japan justify the curbs",
        "how does the white list work",
        "how do the two countries see the 1965 treaty",
        "how long did the talks last",
        "what did the minister recommend",
        "did the exporters get tips from the ministry before the curbs were announced",
        "why did the official say swapping intel wasn't worth it anymore",
      ],
    );
  });

  it("does not read a list into one comma, a list split by a full stop, 'and' inside a word, or a clause after a comma", () => {
    assert.equal(holdsList("Seoul, however, ended the pact."), false);
    assert.equal(holdsList("Seoul. Busan and Incheon"), false);
    assert.equal(holdsList("Seoul, Busan android"), false);
    assert.equal(
      holdsList(
        "With the boycotts sparking cancellations, carriers such as Korean Air and Asiana Airlines cut flights.",
      ),
      false,
    );
    assert.equal(
      holdsList("Seoul, which had warned Tokyo for weeks, and Washington agreed."),
      false,
    );
    assert.equal(holdsList("word ".repeat(6000)), false);
  });

  it("takes time in proportion to a paragraph's length, even for the worst paragraphs", () => {
    // Eight times the text may cost about eight times the time; quadratic work costs 64 times.
    for (const [name, make] of Object.entries(WORST_CASES)) {
      costOf(make(4_000));
      const ratio = costOf(make(32_000)) / costOf(make(4_000));
      assert.ok(ratio < 24, `${name}: 8× the text took ${ratio.toFixed(0)}× the time`);
    }
  });
});
