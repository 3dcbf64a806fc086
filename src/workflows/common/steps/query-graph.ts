import type { GraphQuery, GraphResult, Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"

/** Reads across modules with Query inside a workflow (nothing to undo). */
export const useQueryGraphStep = createStep(
  { name: "use-query-graph-step", readOnly: true },
  async (input: GraphQuery, { container }) =>
    new StepResponse<GraphResult<Record<string, unknown>>>(await container.resolve<Query>("query").graph<Record<string, unknown>>(input)),
)
