/**
 * Finds the words of a text without a regular expression or a string per word: characters are
 * classified once, and each word is looked up by a hash of its characters in a table of the
 * words seen so far, so a corpus costs one probe per word and a string only per distinct word.
 * A word is what /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{M}]+)*‍/u matches.
 */

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const UNKNOWN = 0;
const NOT_WORD = 1;
/** Letters and marks: a word goes on after an apostrophe only with these. */
const LETTER = 2;
const DIGIT = 3;

const bmpClass = new Uint8Array(0x10000);
const astralClass = new Map<number, number>();

function classify(character: string): number {
  return LETTER_OR_MARK.test(character) ? LETTER : WORD_CHAR.test(character) ? DIGIT : NOT_WORD;
}

/** The class of the character at `at` (for a surrogate pair, of its code point). */
function kindAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  const known = bmpClass[code] as number;
  if (known !== UNKNOWN) return known;
  if (code >= 0xd800 && code <= 0xdbff && at + 1 < text.length) {
    const point = text.codePointAt(at) as number;
    let kind = astralClass.get(point);
    if (kind === undefined) {
      kind = classify(String.fromCodePoint(point));
      astralClass.set(point, kind);
    }
    return kind;
  }
  const kind = classify(String.fromCharCode(code));
  bmpClass[code] = kind;
  return kind;
}

function widthAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? 2 : 1;
}

function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019;
}

/** Hangul, kana, the common CJK ideographs (the Basic Multilingual Plane's) and 々, which repeats one ("島々"). */
function isCjkCode(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x11ff) ||
    code === 0x3005 ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3130 && code <= 0x318f) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xff66 && code <= 0xff9f)
  );
}

/** Calls `found(start, end)` for each word of `text`, in order. */
export function scanWords(text: string, found: (start: number, end: number) => void): void {
  const length = text.length;
  let at = 0;
  while (at < length) {
    if (kindAt(text, at) === NOT_WORD) {
      at += widthAt(text, at);
      continue;
    }
    const start = at;
    // "GSOMIA를", "韓国はGSOMIAを": a change of script ends a word, as a space would.
    const cjk = isCjkCode(text.charCodeAt(at));
    while (at < length && kindAt(text, at) !== NOT_WORD && isCjkCode(text.charCodeAt(at)) === cjk)
      at += widthAt(text, at);
    while (
      at + 1 < length &&
      isApostrophe(text.charCodeAt(at)) &&
      kindAt(text, at + 1) === LETTER
    ) {
      at += 1;
      while (at < length && kindAt(text, at) === LETTER) at += widthAt(text, at);
    }
    found(start, at);
  }
}

/**
 * A table from words to values, looked up by a range of a text; the word's string is made only
 * when it is first seen. Cleared when it holds `limit` words, so it stays bounded. Its fields are
 * plain, not #private: V8 reaches those faster in this hot loop.
 */
export class WordTable<Value> {
  private _keys: (string | undefined)[];
  private _hashes: Int32Array;
  private _values: (Value | undefined)[];
  private _mask: number;
  private _size = 0;

  constructor(
    readonly create: (word: string) => Value,
    readonly limit = 500_000,
    bits = 16,
  ) {
    this._keys = new Array(1 << bits);
    this._hashes = new Int32Array(1 << bits);
    this._values = new Array(1 << bits);
    this._mask = (1 << bits) - 1;
  }

  get size(): number {
    return this._size;
  }

  lookup(text: string, start: number, end: number): Value {
    let hash = 0x811c9dc5;
    for (let at = start; at < end; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193);
    let slot = hash & this._mask;
    for (;;) {
      const key = this._keys[slot];
      if (key === undefined) break;
      if (
        this._hashes[slot] === hash &&
        key.length === end - start &&
        sameRange(key, text, start)
      ) {
        return this._values[slot] as Value;
      }
      slot = (slot + 1) & this._mask;
    }
    const word = text.slice(start, end);
    const value = this.create(word);
    if (this._size >= this.limit) this._clear(this._keys.length);
    else if ((this._size + 1) * 2 > this._keys.length) this._grow();
    this._insert(word, hash, value);
    return value;
  }

  private _insert(word: string, hash: number, value: Value): void {
    let slot = hash & this._mask;
    while (this._keys[slot] !== undefined) slot = (slot + 1) & this._mask;
    this._keys[slot] = word;
    this._hashes[slot] = hash;
    this._values[slot] = value;
    this._size += 1;
  }

  private _grow(): void {
    const keys = this._keys;
    const hashes = this._hashes;
    const values = this._values;
    this._clear(keys.length * 2);
    keys.forEach((key, slot) => {
      if (key !== undefined) this._insert(key, hashes[slot] as number, values[slot] as Value);
    });
  }

  private _clear(capacity: number): void {
    this._keys = new Array(capacity);
    this._hashes = new Int32Array(capacity);
    this._values = new Array(capacity);
    this._mask = capacity - 1;
    this._size = 0;
  }
}

function sameRange(word: string, text: string, start: number): boolean {
  for (let at = 0; at < word.length; at++) {
    if (word.charCodeAt(at) !== text.charCodeAt(start + at)) return false;
  }
  return true;
}
