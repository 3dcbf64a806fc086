/**
 * The call shapes of the generated create and update methods (one input, a list, or for updates a
 * selector), for a module service that replaces a generated method with its own rules.
 */
export function oneOrMany<Input, Output>(work: (items: Input[]) => Promise<Output[]>) {
  function run(data: Input): Promise<Output>
  function run(data: Input[]): Promise<Output[]>
  async function run(data: Input | Input[]): Promise<Output | Output[]> {
    if (Array.isArray(data)) return work(data)
    return first(await work([data]))
  }
  return run
}

export function updateOneOrMany<Changes, Selector, Output>(
  work: (items: (Changes & { id: string })[]) => Promise<Output[]>,
  idsOf: (selector: Selector) => Promise<string[]>,
) {
  function run(data: Changes & { id: string }): Promise<Output>
  function run(data: (Changes & { id: string })[]): Promise<Output[]>
  function run(data: { selector: Selector; data: Changes }): Promise<Output[]>
  async function run(
    data: (Changes & { id: string }) | (Changes & { id: string })[] | { selector: Selector; data: Changes },
  ): Promise<Output | Output[]> {
    if (Array.isArray(data)) return work(data)
    if ("selector" in data && "data" in data) {
      const changes = data.data
      const ids = await idsOf(data.selector)
      return ids.length === 0 ? [] : work(ids.map((id) => ({ ...changes, id })))
    }
    return first(await work([data]))
  }
  return run
}

function first<T>(rows: T[]): T {
  const [row] = rows
  if (row === undefined) throw new Error("Expected one row back")
  return row
}
