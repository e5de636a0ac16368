import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { scanWords, WordTable } from "../../src/search/words.ts";
import { SHIPPED_KNOWLEDGE } from "../support/knowledge.ts";

const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

function scanned(text: string): string[] {
  const words: string[] = [];
  scanWords(text, (start, end) => words.push(text.slice(start, end)));
  return words;
}

describe("scanWords", () => {
  it("finds exactly the words the Unicode word pattern finds", async () => {
    const { knowledge } = await loadKnowledge(SHIPPED_KNOWLEDGE);
    const samples = [
      "Seoul's response, South Korea-Japan's spat",
      "rock'n'roll2 x ''a b'' it’s o'",
      "지소미아를 종료 軍事情報包括保護協定とは ホワイト国",
      "emoji 😀 and 𠀋astral, e\u0301cole, 1910–1945, 100,000",
      "\u0000control\u0007chars\u00a0nbsp",
      ...knowledge.passages.map((passage) => passage.text),
    ];
    for (const text of samples)
      assert.deepEqual(
        scanned(text),
        [...text.matchAll(WORD)].map((match) => match[0]),
        text,
      );
  });
});

describe("WordTable", () => {
  it("makes each distinct word once and finds it again by its characters in any text", () => {
    const made: string[] = [];
    const table = new WordTable(
      (word) => {
        made.push(word);
        return word.toUpperCase();
      },
      1000,
      2,
    );
    const text = "gsomia pact gsomia GSOMIA pact";
    const values: string[] = [];
    scanWords(text, (start, end) => values.push(table.lookup(text, start, end)));
    assert.deepEqual(values, ["GSOMIA", "PACT", "GSOMIA", "GSOMIA", "PACT"]);
    assert.deepEqual(made, ["gsomia", "pact", "GSOMIA"]);
    for (let word = 0; word < 100; word++) table.lookup(`w${word}`, 0, `w${word}`.length);
    assert.equal(table.lookup("gsomia pact", 7, 11), "PACT", "still found after the table grew");
  });

  it("stays bounded: it starts afresh when it holds its limit", () => {
    const table = new WordTable((word) => word, 10, 2);
    for (let word = 0; word < 25; word++) table.lookup(`word${word}`, 0, `word${word}`.length);
    assert.ok(table.size <= 10);
  });
});
