import type { StepNode, WorkflowGraph } from "../orchestrator/index.ts"
import { ValueCompiler } from "./compile-value.ts"
import type { Composition } from "./composition.ts"
import type { DraftStep } from "./drafts.ts"

/** Turns a finished composition into the graph the engine runs. Throws on an inconsistent definition. */
export function buildGraph(composition: Composition, result: unknown, retentionTime: number | undefined): WorkflowGraph {
  const { workflowId } = composition
  const seen = new Set<string>()
  for (const step of composition.steps) {
    if (seen.has(step.id)) {
      throw new Error(`Workflow "${workflowId}" uses step "${step.id}" twice: give each further use its own name with .config({ name })`)
    }
    seen.add(step.id)
  }

  const stageOf = new Map<DraftStep, number>()
  composition.stages.forEach((stage, index) => {
    for (const step of stage) stageOf.set(step, index)
  })
  const compiler = new ValueCompiler(composition)

  const nodes = composition.steps.map((step): StepNode => {
    const stage = stageOf.get(step) ?? 0
    const input = compiler.compile(step.input)
    const guard = compiler.compileConditions(step.conditions)
    for (const used of [...input.steps, ...(guard?.steps ?? [])]) {
      if ((stageOf.get(used) ?? 0) >= stage) {
        throw new Error(`Workflow "${workflowId}": step "${step.id}" uses the output of "${used.id}", which runs in parallel with it`)
      }
    }
    return {
      id: step.id,
      kind: step.kind,
      dependsOn: stage === 0 ? [] : (composition.stages[stage - 1] ?? []).map((previous) => previous.id),
      policy: step.policy,
      conditions: step.conditions.map(({ id, name }) => ({ id, name })),
      shouldRun: guard === undefined ? undefined : (scope) => guard.get(scope) === true,
      resolveInput: input.get,
      handlers: step.handlers,
      toOutcome: step.toOutcome,
      workflow: step.workflow,
    }
  })

  return {
    id: workflowId,
    nodes,
    stages: composition.stages.map((stage) => stage.map((step) => step.id)),
    resolveResult: compiler.compile(result).get,
    retentionTime,
  }
}
