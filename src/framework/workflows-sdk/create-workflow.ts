import { createContainer, type AwilixContainer } from "awilix"
import { WorkflowError, WorkflowState, type StepHandlers, type WorkflowGraph } from "../orchestrator/index.ts"
import { buildGraph } from "./build-graph.ts"
import { assertValidId, compose, Composition, currentComposition, policyOf } from "./composition.ts"
import type { StepCompensateFn, StepInvokeFn } from "./create-step.ts"
import { stepResponseToOutcome } from "./step-response.ts"
import type { Hook, Resolved, WorkflowData } from "./workflow-data.ts"
import { workflowEngineFor } from "./workflow-engine-for.ts"
import { WorkflowResponse } from "./workflow-response.ts"
import type { ExportedWorkflow, RunOptions, WorkflowConfig, WorkflowResult } from "./workflow-types.ts"

const FAILED_STATES: readonly WorkflowState[] = [WorkflowState.FAILED, WorkflowState.COMPENSATION_FAILED, WorkflowState.DEAD_LETTER]

/**
 * Defines a workflow. `composer` runs once, now, over placeholders; the steps it calls and the
 * data flowing between them become the graph that every run executes.
 */
export function createWorkflow<TInput = undefined, TResultArg = undefined, THooks extends readonly Hook<string, unknown>[] = []>(
  nameOrConfig: string | WorkflowConfig,
  composer: (input: WorkflowData<TInput>) => WorkflowResponse<TResultArg, THooks> | void,
): ExportedWorkflow<TInput, Resolved<TResultArg>, THooks> {
  const config: WorkflowConfig = typeof nameOrConfig === "string" ? { name: nameOrConfig } : nameOrConfig
  const workflowId = config.name
  assertValidId(workflowId, "workflow")

  const composition = new Composition(workflowId)
  let response: unknown
  try {
    response = compose(composition, () => composer(composition.input as WorkflowData<TInput>))
  } finally {
    composition.seal()
  }
  if (response instanceof Promise) throw new Error(`The composer of workflow "${workflowId}" must be synchronous`)
  if (response !== undefined && !(response instanceof WorkflowResponse)) {
    throw new Error(`The composer of workflow "${workflowId}" must return new WorkflowResponse(result) (or nothing)`)
  }
  const returnedHooks = new Set<string>((response?.hooks ?? []).map((hook: { name: string }) => hook.name))
  for (const name of composition.hooks.keys()) {
    if (!returnedHooks.has(name)) {
      throw new Error(`Workflow "${workflowId}" creates hook "${name}" but does not return it: add it to new WorkflowResponse(result, { hooks: [...] })`)
    }
  }
  const graph = buildGraph(composition, response?.result, config.retentionTime)

  const hooks: Record<string, (handler: StepInvokeFn<unknown, unknown, unknown>, compensate?: StepCompensateFn<unknown>) => void> = {}
  for (const slot of composition.hooks.values()) {
    hooks[slot.name] = (handler, compensate) => {
      if (slot.handlers !== undefined) throw new Error(`Hook "${slot.name}" of workflow "${workflowId}" already has a handler`)
      const handlers: StepHandlers = { invoke: handler, compensate }
      slot.handlers = handlers
    }
  }

  const runWith = (container: AwilixContainer, options: RunOptions<unknown> = {}) => runWorkflow(graph, container, options)
  const workflow = (container?: AwilixContainer) => ({
    run: (options?: RunOptions<unknown>) => runWith(container ?? createContainer(), options),
  })
  const exported = Object.assign(workflow, {
    workflowId,
    getName: () => workflowId,
    graph,
    hooks,
    run: (options?: RunOptions<unknown> & { readonly container?: AwilixContainer }) =>
      runWith(options?.container ?? createContainer(), options),
    runAsStep: (options?: { readonly input?: unknown }) =>
      currentComposition(`Workflow "${workflowId}" as a step`).addStep({
        id: `${workflowId}-as-step`,
        kind: "workflow",
        policy: policyOf({}),
        handlers: () => undefined,
        toOutcome: stepResponseToOutcome,
        workflow: graph,
        input: options?.input,
      }),
  })
  // The typed face of the same functions: the composer's types were checked when it was written.
  return exported as unknown as ExportedWorkflow<TInput, Resolved<TResultArg>, THooks>
}

async function runWorkflow(
  graph: WorkflowGraph,
  container: AwilixContainer,
  options: RunOptions<unknown>,
): Promise<WorkflowResult<unknown>> {
  const engine = workflowEngineFor(container)
  const report = await engine.run(graph, {
    input: options.input,
    transactionId: options.transactionId,
    context: options.context,
    container,
  })
  const failed = FAILED_STATES.includes(report.state)
  if (failed && options.throwOnError !== false) {
    const { workflowId, transactionId } = report.transaction
    throw new WorkflowError({ workflowId, transactionId, state: report.state, errors: report.errors })
  }
  return { result: failed ? undefined : report.result, errors: report.errors, transaction: report.transaction }
}
