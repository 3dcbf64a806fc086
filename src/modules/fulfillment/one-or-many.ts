/** The call shapes of the generated create and update methods (one input or a list), for the methods this module replaces. */
export function oneOrMany<Input, Output>(work: (items: Input[]) => Promise<Output[]>) {
  function run(data: Input): Promise<Output>
  function run(data: Input[]): Promise<Output[]>
  async function run(data: Input | Input[]): Promise<Output | Output[]> {
    if (Array.isArray(data)) return work(data)
    const [row] = await work([data])
    if (row === undefined) throw new Error("Expected one row back")
    return row
  }
  return run
}
