import type { StepAction } from "./graph.ts"

export type StepKey = {
  readonly workflowId: string
  readonly transactionId: string
  readonly stepId: string
  readonly action: StepAction
}

/** `${workflowId}:${transactionId}:${stepId}:${action}`, as in Medusa. */
export function formatIdempotencyKey(key: StepKey): string {
  return `${idempotencyKeyPrefix(key)}${key.stepId}:${key.action}`
}

/** The part of a run's keys that all its steps share: `${workflowId}:${transactionId}:`. */
export function idempotencyKeyPrefix(run: { readonly workflowId: string; readonly transactionId: string }): string {
  return `${run.workflowId}:${run.transactionId}:`
}

/**
 * Reads a key back. Workflow and step ids may not contain ":" (the SDK refuses them), so a
 * transaction id may: it is everything between the first and the second-to-last separator.
 */
export function parseIdempotencyKey(key: string): StepKey {
  const parts = key.split(":")
  const action = parts.at(-1)
  if (parts.length < 4 || (action !== "invoke" && action !== "compensate")) {
    throw new Error(`"${key}" is not a step idempotency key (workflowId:transactionId:stepId:action)`)
  }
  return {
    workflowId: parts[0] ?? "",
    transactionId: parts.slice(1, -2).join(":"),
    stepId: parts.at(-2) ?? "",
    action,
  }
}
