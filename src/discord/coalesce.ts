/**
 * Wraps an expensive job so that it runs at most once at a time and starts at most once per
 * `gapMs`: a request while the job runs joins that run; a request within `gapMs` of the last
 * start waits for the gap to pass and shares one run with every other request that waited.
 */
export function coalescing<T>(
  run: (reason: string) => Promise<T>,
  gapMs: number,
): (reason: string) => Promise<T> {
  let lastStart = Number.NEGATIVE_INFINITY;
  let running: Promise<T> | undefined;
  let waiting: Promise<T> | undefined;
  const start = (reason: string): Promise<T> => {
    lastStart = Date.now();
    const current = run(reason).finally(() => {
      if (running === current) running = undefined;
    });
    running = current;
    return current;
  };
  return (reason) => {
    if (running) return running;
    if (waiting) return waiting;
    const wait = lastStart + gapMs - Date.now();
    if (wait <= 0) return start(reason);
    waiting = new Promise<void>((resolve) => setTimeout(resolve, wait)).then(() => {
      waiting = undefined;
      return start(reason);
    });
    return waiting;
  };
}
