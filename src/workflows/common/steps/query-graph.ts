import type { GraphQuery, GraphResult, Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"

/** Reads across modules with Query inside a workflow (nothing to undo). */
export const useQueryGraphStep = createStep(
  "use-query-graph-step",
  async (input: GraphQuery, { container }) =>
    new StepResponse<GraphResult<Record<string, unknown>>>(await container.resolve<Query>("query").graph<Record<string, unknown>>(input)),
)
