import type { Hook } from "./workflow-data.ts"

/** What a composer returns: the run's result, and the hooks the workflow offers to developers. */
export class WorkflowResponse<TResult, THooks extends readonly Hook<string, unknown>[] = []> {
  readonly result: TResult
  readonly hooks: THooks

  constructor(result: TResult, ...options: [options?: { hooks: THooks }]) {
    this.result = result
    this.hooks = options[0]?.hooks ?? ([] as unknown as THooks)
  }
}
