/**
 * Runs independent reads and checks at once, one round trip of waiting instead of several, and
 * fails as running them one after the other would: with the error of the first of them (in the
 * order given) that failed.
 */
export async function allInOrder<const T extends readonly unknown[]>(work: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(work)
  for (const result of settled) if (result.status === "rejected") throw result.reason
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T
}
