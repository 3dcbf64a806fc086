import type { StepHandlers, StepInvocationContext } from "../orchestrator/index.ts"
import { assertValidId, currentComposition, policyOf } from "./composition.ts"
import { stepResponseToOutcome, type SkippedStepResponse, type StepResponse } from "./step-response.ts"
import type { StepOutput, StepOverrides, WorkflowInput } from "./workflow-data.ts"

/** What a step handler receives besides its input. */
export type StepExecutionContext = StepInvocationContext

/**
 * A step's settings. `maxRetries` extra attempts `retryInterval` seconds apart (doubling with
 * `backoff: "exponential"`); `timeout` seconds per attempt; `async` waits for `setStepSuccess`.
 */
export type StepConfig = StepOverrides & { readonly name: string }

export type StepResult<TOutput, TCompensateInput> = StepResponse<TOutput, TCompensateInput> | SkippedStepResponse | void

export type StepInvokeFn<TInput, TOutput, TCompensateInput> = (
  input: TInput,
  context: StepExecutionContext,
) => StepResult<TOutput, TCompensateInput> | Promise<StepResult<TOutput, TCompensateInput>>

/** Undoes a step. Receives `undefined` when the step itself failed, so it can undo partial work. */
export type StepCompensateFn<TCompensateInput> = (input: TCompensateInput | undefined, context: StepExecutionContext) => unknown

/** A step, called inside a composer with its input; returns the placeholder of its output. */
export type StepFunction<TInput, TOutput> = ((...input: StepArgs<TInput>) => StepOutput<TOutput>) & {
  readonly stepId: string
}

type StepArgs<TInput> = undefined extends TInput ? [input?: WorkflowInput<TInput>] : [input: WorkflowInput<TInput>]

/** Defines a step: one effect, and beside it the compensation that undoes it. */
export function createStep<TInput, TOutput = undefined, TCompensateInput = TOutput>(
  nameOrConfig: string | StepConfig,
  invoke: StepInvokeFn<TInput, TOutput, TCompensateInput>,
  compensate?: StepCompensateFn<TCompensateInput>,
): StepFunction<TInput, TOutput> {
  const config: StepConfig = typeof nameOrConfig === "string" ? { name: nameOrConfig } : nameOrConfig
  assertValidId(config.name, "step")
  const policy = policyOf(config)
  // The engine is untyped by design; the step's own signature is what the composer checked.
  const handlers: StepHandlers = {
    invoke: (input, context) => invoke(input as TInput, context),
    compensate: compensate === undefined ? undefined : (input, context) => compensate(input as TCompensateInput | undefined, context),
  }
  const getHandlers = () => handlers
  const step = (input?: unknown): unknown =>
    currentComposition(`Step "${config.name}"`).addStep({
      id: config.name,
      kind: "step",
      policy,
      handlers: getHandlers,
      toOutcome: stepResponseToOutcome,
      workflow: undefined,
      input,
    })
  return Object.assign(step, { stepId: config.name }) as StepFunction<TInput, TOutput>
}
