import { AsyncLocalStorage } from "node:async_hooks"
import type { StepPolicy } from "../orchestrator/index.ts"
import type { DraftCondition, DraftDerived, DraftStep, HookSlot } from "./drafts.ts"
import { createPlaceholder, readPlaceholder } from "./placeholder.ts"
import type { StepOverrides } from "./workflow-data.ts"

/**
 * Everything recorded while one `createWorkflow` call runs its composer. It lives only in that
 * call: step functions find it through an AsyncLocalStorage scoped to the call, so two workflows
 * composed at once (or one composed inside a test) never see each other's steps.
 */
export class Composition {
  readonly workflowId: string
  readonly steps: DraftStep[] = []
  /** Steps grouped by when they run, in order; a `parallelize` merges consecutive groups. */
  stages: DraftStep[][] = []
  readonly hooks = new Map<string, HookSlot>()
  readonly input: unknown
  #conditions: DraftCondition[] = []
  #derivedCount = 0
  #conditionCount = 0
  #sealed = false

  constructor(workflowId: string) {
    this.workflowId = workflowId
    this.input = createPlaceholder({ composition: this, source: { kind: "input" }, path: [] })
  }

  get sealed(): boolean {
    return this.#sealed
  }

  seal(): void {
    this.#sealed = true
  }

  /** Records a call of a step; returns the placeholder of its output. */
  addStep(draft: Omit<DraftStep, "conditions">): unknown {
    const step: DraftStep = { ...draft, conditions: [...this.#conditions] }
    this.steps.push(step)
    this.stages.push([step])
    const placeholder = createPlaceholder({ composition: this, source: { kind: "step", step }, path: [] }, (overrides) => {
      if (this.#sealed) throw new Error(`.config() of step "${step.id}" was called after workflow "${this.workflowId}" was composed`)
      applyOverrides(step, overrides as StepOverrides)
      return placeholder
    })
    return placeholder
  }

  addDerived(
    id: string | undefined,
    values: unknown,
    compute: (values: unknown) => unknown,
    conditions: readonly DraftCondition[] = [],
  ): unknown {
    const derived: DraftDerived = { id: id ?? `transform-${++this.#derivedCount}`, values, compute, conditions }
    return createPlaceholder({ composition: this, source: { kind: "derived", derived }, path: [] })
  }

  /** Runs `body` with every step it calls guarded by the condition; returns the body's result. */
  withCondition<T>(
    name: string | undefined,
    values: unknown,
    predicate: (values: unknown) => unknown,
    body: () => T,
  ): { result: T; conditions: readonly DraftCondition[] } {
    const count = ++this.#conditionCount
    const condition: DraftCondition = { id: `when-${count}`, name: name ?? `condition ${count}`, values, predicate }
    this.#conditions.push(condition)
    const conditions = [...this.#conditions]
    try {
      return { result: body(), conditions }
    } finally {
      this.#conditions.pop()
    }
  }

  /** Makes the given step calls run concurrently, as one stage. */
  parallelize(outputs: readonly unknown[]): void {
    const steps = outputs.map((output) => {
      const ref = readPlaceholder(output)
      if (ref === undefined || ref.source.kind !== "step" || ref.path.length > 0 || ref.composition !== this) {
        throw new Error(`Workflow "${this.workflowId}": parallelize() takes the outputs of step calls made in this workflow`)
      }
      return ref.source.step
    })
    const indexes = steps.map((step) => this.stages.findIndex((stage) => stage.includes(step)))
    const first = Math.min(...indexes)
    const last = Math.max(...indexes)
    const range = this.stages.slice(first, last + 1).flat()
    if (range.length !== steps.length || range.some((step) => !steps.includes(step))) {
      throw new Error(`Workflow "${this.workflowId}": parallelize() needs its steps called one after the other, with no other step in between`)
    }
    const conditionIds = (step: DraftStep) => step.conditions.map((c) => c.id).join(",")
    if (new Set(steps.map(conditionIds)).size > 1) {
      throw new Error(`Workflow "${this.workflowId}": parallelize() cannot mix steps inside and outside a when() block`)
    }
    this.stages.splice(first, last - first + 1, range)
  }
}

const activeComposition = new AsyncLocalStorage<Composition>()

export function compose<T>(composition: Composition, body: () => T): T {
  return activeComposition.run(composition, body)
}

/** The composition a step call belongs to; throws a clear error outside `createWorkflow`. */
export function currentComposition(caller: string): Composition {
  const composition = activeComposition.getStore()
  if (composition === undefined) {
    throw new Error(`${caller} was called outside a workflow: call it inside the function given to createWorkflow()`)
  }
  if (composition.sealed) {
    throw new Error(`${caller} was called after the composition of workflow "${composition.workflowId}" ended: composer functions must be synchronous`)
  }
  return composition
}

export function assertValidId(id: string, what: string): void {
  if (id.length === 0 || id.includes(":")) throw new Error(`Invalid ${what} name "${id}": it must be non-empty and contain no ":"`)
}

export function policyOf(config: StepOverrides, defaults?: StepPolicy): StepPolicy {
  // A use that says either says both: `{ idempotent: true }` on a read-only step means it is not read-only.
  const saysRerun = config.readOnly !== undefined || config.idempotent !== undefined
  const policy = {
    maxRetries: config.maxRetries ?? defaults?.maxRetries ?? 0,
    retryInterval: config.retryInterval ?? defaults?.retryInterval ?? 0,
    backoff: config.backoff ?? defaults?.backoff ?? "fixed",
    timeout: config.timeout ?? defaults?.timeout,
    async: config.async ?? defaults?.async ?? false,
    compensationMaxRetries: config.compensationMaxRetries ?? defaults?.compensationMaxRetries ?? DEFAULT_COMPENSATION_RETRIES,
    rerunnable: saysRerun ? config.readOnly === true || config.idempotent === true : (defaults?.rerunnable ?? false),
    readOnly: saysRerun ? config.readOnly === true : (defaults?.readOnly ?? false),
    lapses: config.lapses ?? defaults?.lapses ?? false,
  } satisfies StepPolicy
  // An async step is completed from outside: the run parks, and that is a write.
  if (policy.async && (policy.rerunnable || policy.lapses)) {
    throw new Error(`A step cannot be both async and readOnly, idempotent or lapses${config.name ? ` ("${config.name}")` : ""}`)
  }
  return policy
}

/** A compensation that throws is retried this many times unless its step says otherwise. */
export const DEFAULT_COMPENSATION_RETRIES = 3

function applyOverrides(step: DraftStep, overrides: StepOverrides): void {
  if (overrides.name !== undefined) {
    assertValidId(overrides.name, "step")
    step.id = overrides.name
  }
  step.policy = policyOf(overrides, step.policy)
}
