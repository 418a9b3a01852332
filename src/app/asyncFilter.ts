// Array.filter with a predicate that reads the store (async since the Store port is, src/store/port.ts):
// `.filter(async …)` would keep everything, a promise being truthy, so the reads are awaited first.

/** The items for which `keep` resolves true, in their order. */
export async function filterAsync<T>(items: readonly T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const kept = await Promise.all(items.map(keep));
  return items.filter((_, i) => kept[i]);
}
