/**
 * The first index of `sorted` whose item is not below what is sought (`isBelow` false), or its
 * length when every item is: where the items sought begin, in a list sorted by the same order.
 */
export function lowerBound<T>(sorted: ArrayLike<T>, isBelow: (item: T) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBelow(sorted[middle] as T)) low = middle + 1;
    else high = middle;
  }
  return low;
}
