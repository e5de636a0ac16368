/** The value at a share (0.5, 0.99) of an ascending list of timings. */
export function percentile(sorted: readonly number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

/** Asks each question once, pushing how long each took, in ms, onto `times`. */
export function timeEach(
  ask: (question: string) => unknown,
  questions: readonly string[],
  times: number[],
): void {
  for (const question of questions) {
    const start = performance.now();
    ask(question);
    times.push(performance.now() - start);
  }
}
