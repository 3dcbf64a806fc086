/**
 * Records read by id (in any order), put in the order a list found them: a module that lists rows
 * with the generated CRUD, then reads their details in one statement, answers in the list's order.
 * A listed id with no detail (gone since) is left out.
 */
export function inListedOrder<T extends { id: string }>(listed: readonly { id: string }[], details: readonly T[]): T[] {
  const byId = new Map(details.map((detail) => [detail.id, detail]))
  return listed.flatMap((row) => byId.get(row.id) ?? [])
}
