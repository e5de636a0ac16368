import { compoundParts } from "./compounds.ts";
import type { ConceptHit, GlossaryMatcher } from "./glossary.ts";
import { type Token, tokenize } from "./text.ts";

/** A term as the index stores it: a word stem, or `~N` for glossary entry N. */
export interface TermOccurrence {
  readonly key: string;
  /** Index of the first token of the occurrence. */
  readonly position: number;
  readonly start: number;
  readonly end: number;
}

export interface Analysis {
  readonly tokens: readonly Token[];
  readonly hits: readonly ConceptHit[];
  readonly occurrences: readonly TermOccurrence[];
}

export function conceptKey(concept: number): string {
  return `~${concept}`;
}

/** Whether a key stands for a glossary or vocabulary entry rather than a word stem. */
export function isConceptKey(key: string): boolean {
  return key.startsWith("~");
}

/** Every content word stem and every glossary concept of a text, with positions. */
export function analyze(
  text: string,
  glossary: GlossaryMatcher,
  tokens = tokenize(text),
): Analysis {
  const hits = glossary.find(tokens, text);
  const occurrences: TermOccurrence[] = [];
  tokens.forEach((token, position) => {
    if (token.stop) return;
    occurrences.push({ key: token.stem, position, start: token.start, end: token.end });
    for (const part of compoundParts(token.norm))
      occurrences.push({ key: part, position, start: token.start, end: token.end });
  });
  for (const hit of hits) {
    occurrences.push({
      key: conceptKey(hit.concept),
      position: hit.firstToken,
      start: hit.start,
      end: hit.end,
    });
  }
  return { tokens, hits, occurrences };
}

/** Positions of the tokens that stand inside a glossary term. */
export function positionsInHits(hits: readonly ConceptHit[]): Set<number> {
  const positions = new Set<number>();
  for (const hit of hits) {
    for (let position = hit.firstToken; position < hit.endToken; position++)
      positions.add(position);
  }
  return positions;
}

/** The terms a text is about: its glossary concepts, and its content words outside them. */
export function coreKeys(analysis: Analysis): Set<string> {
  const inHits = positionsInHits(analysis.hits);
  const keys = new Set(analysis.hits.map((hit) => conceptKey(hit.concept)));
  analysis.tokens.forEach((token, position) => {
    if (!token.stop && !inHits.has(position)) keys.add(token.stem);
  });
  return keys;
}
