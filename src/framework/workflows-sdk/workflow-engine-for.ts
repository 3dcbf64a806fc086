import type { AwilixContainer } from "awilix"
import { WORKFLOW_ENGINE_KEY, WorkflowEngine } from "../orchestrator/index.ts"

let defaultEngine: WorkflowEngine | undefined

/**
 * The engine of runs whose container registers none under `WORKFLOW_ENGINE_KEY`: one in-memory
 * engine per process, created on first use. It keeps runs (so a repeated transaction id answers
 * with the stored result) for a day or the workflow's `retentionTime`. This is the one piece of
 * process-wide state of the SDK, and it holds runs, never definitions.
 */
export function defaultWorkflowEngine(): WorkflowEngine {
  defaultEngine ??= new WorkflowEngine()
  return defaultEngine
}

/** The engine registered in the container (or a parent of it), else the default in-memory one. */
export function workflowEngineFor(container: AwilixContainer): WorkflowEngine {
  if (!container.hasRegistration(WORKFLOW_ENGINE_KEY)) return defaultWorkflowEngine()
  const engine = container.resolve<unknown>(WORKFLOW_ENGINE_KEY)
  if (!(engine instanceof WorkflowEngine)) {
    throw new Error(`The container's "${WORKFLOW_ENGINE_KEY}" registration is not a WorkflowEngine`)
  }
  return engine
}
