import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"
import { WorkflowState } from "../../../framework/orchestrator/index.ts"

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.union([item, z.array(item)]).transform((value) => (Array.isArray(value) ? value : [value]) as z.infer<T>[])

const STATES = Object.values(WorkflowState) as [WorkflowState, ...WorkflowState[]]

export const AdminGetWorkflowExecutionsParams = createFindParams({ limit: 20 })
  .extend({
    workflow_id: oneOrMany(z.string().min(1)).optional(),
    transaction_id: oneOrMany(z.string().min(1)).optional(),
    state: oneOrMany(z.enum(STATES, { message: `must be one of ${STATES.join(", ")}` })).optional(),
  })
  .strict()
export type AdminGetWorkflowExecutionsParams = z.infer<typeof AdminGetWorkflowExecutionsParams>

export const AdminGetWorkflowExecutionParams = createSelectParams().strict()
