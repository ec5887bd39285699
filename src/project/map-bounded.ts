/** How many files dactl reads or writes at once. */
export const fileConcurrency = 32;

/**
 * `transform` over `items` with at most `limit` in flight, results in input order: enough file operations at
 * once to keep the disk and thread pool busy, without one open handle per file of a large project.
 */
export async function mapBounded<T, R>(items: readonly T[], limit: number, transform: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await transform(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
