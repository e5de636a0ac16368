/**
 * What a cache holds for a key, computed and kept when it holds nothing yet. A cache that holds
 * `limit` entries is emptied first, so a bot that runs for months stays bounded.
 */
export function remembered<K, V>(cache: Map<K, V>, key: K, limit: number, compute: () => V): V {
  const held = cache.get(key);
  if (held !== undefined) return held;
  const value = compute();
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
  return value;
}
