/** Questions shorter than this many words are judged whole. */
const MIN_WORDS_TO_SPLIT = 12;
/** A part must have at least this many words to be judged on its own. */
const MIN_PART_WORDS = 3;
const SENTENCE_END = /(?<=[.!?;:])\s+|\n+/u;
const CLAUSE_BREAK = /\s*(?:,|\s[-–—]\s|\(|\))\s*|\s+(?=(?:but|though|although|so|anyway|btw)\s)/iu;

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/**
 * The sentences and clauses of a long question, each a question the member may really be
 * asking amid context and opinion; none for a short question.
 */
export function questionParts(question: string): string[] {
  if (wordCount(question) < MIN_WORDS_TO_SPLIT) return [];
  const parts = new Set<string>();
  for (const sentence of question.split(SENTENCE_END)) {
    const trimmed = sentence.trim();
    if (wordCount(trimmed) >= MIN_PART_WORDS) parts.add(trimmed);
    const clauses = trimmed.split(CLAUSE_BREAK).map((clause) => clause.trim());
    if (clauses.length < 2) continue;
    for (const clause of clauses) if (wordCount(clause) >= MIN_PART_WORDS) parts.add(clause);
  }
  parts.delete(question.trim());
  return [...parts];
}
