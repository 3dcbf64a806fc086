import type { AwilixContainer } from "awilix"
import type { TransactionSnapshot, WorkflowGraph, WorkflowStepError } from "../orchestrator/index.ts"
import type { StepCompensateFn, StepInvokeFn } from "./create-step.ts"
import type { Hook, HookInput, StepOutput, WorkflowInput } from "./workflow-data.ts"

export type WorkflowConfig = {
  readonly name: string
  /** Accepted for compatibility with Medusa: every run is idempotent by its transaction id. */
  readonly idempotent?: boolean
  /** Seconds a finished run is kept, and so answers a repeated transaction id. */
  readonly retentionTime?: number
  /** Accepted for compatibility with Medusa: every run is stored. */
  readonly store?: boolean
}

export type RunOptions<TInput> = InputOption<TInput> & {
  /** A known transaction id returns that run's outcome and runs nothing. Defaults to a new id. */
  readonly transactionId?: string
  /** false: a failure is reported in `errors` instead of thrown. */
  readonly throwOnError?: boolean
  /** Shared with every step as `context`; stored with the run, so keep it serialisable. */
  readonly context?: Readonly<Record<string, unknown>>
}

type InputOption<TInput> = undefined extends TInput ? { readonly input?: TInput } : { readonly input: TInput }

type RunArgs<TInput, TExtra> = undefined extends TInput
  ? [options?: RunOptions<TInput> & TExtra]
  : [options: RunOptions<TInput> & TExtra]

export type WorkflowResult<TResult> = {
  /** Undefined while the run waits for an async step. */
  readonly result: TResult
  readonly errors: readonly WorkflowStepError[]
  readonly transaction: TransactionSnapshot
}

export type WorkflowRunner<TInput, TResult, TExtra = unknown> = {
  run(options: RunOptions<TInput> & TExtra & { readonly throwOnError: false }): Promise<WorkflowResult<TResult | undefined>>
  run(...options: RunArgs<TInput, TExtra>): Promise<WorkflowResult<TResult>>
}

export type HookRegistrar<TInput> = <TOutput = undefined, TCompensateInput = TOutput>(
  handler: StepInvokeFn<TInput, TOutput, TCompensateInput>,
  compensate?: StepCompensateFn<TCompensateInput>,
) => void

export type HookRegistrars<THooks extends readonly Hook<string, unknown>[]> = {
  readonly [H in THooks[number] as H["name"]]: HookRegistrar<HookInput<H>>
}

type RunAsStepArgs<TInput> = undefined extends TInput
  ? [options?: { readonly input?: WorkflowInput<TInput> }]
  : [options: { readonly input: WorkflowInput<TInput> }]

/** What `createWorkflow` returns: call it with a container to run it. */
export type ExportedWorkflow<TInput, TResult, THooks extends readonly Hook<string, unknown>[]> = ((
  container?: AwilixContainer,
) => WorkflowRunner<TInput, TResult>) & {
  readonly workflowId: string
  getName(): string
  /** The executable definition (also what `workflowToMermaid` draws). */
  readonly graph: WorkflowGraph
  /** Registers the handler of each hook the workflow returned; once per hook. */
  readonly hooks: HookRegistrars<THooks>
  /** Same as `workflow(container).run(options)`. */
  readonly run: WorkflowRunner<TInput, TResult, { readonly container?: AwilixContainer }>["run"]
  /** Inside another workflow's composer: runs this workflow as one step, compensated as a unit. */
  runAsStep(...options: RunAsStepArgs<TInput>): StepOutput<TResult>
}
