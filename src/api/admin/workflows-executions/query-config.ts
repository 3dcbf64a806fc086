import type { QueryConfigOptions } from "../../../framework/http/index.ts"

const fields = [
  "id", "workflow_id", "transaction_id", "state", "input", "context", "result", "errors", "owner",
  "recovery_attempts", "parent", "created_at", "updated_at", "finished_at", "retain_until",
]

export const listWorkflowExecutionsQueryConfig: QueryConfigOptions = {
  defaults: fields,
  allowed: fields,
  isList: true,
  defaultLimit: 20,
}

export const retrieveWorkflowExecutionQueryConfig: QueryConfigOptions = { defaults: [...fields, "steps"], allowed: [...fields, "steps"] }
