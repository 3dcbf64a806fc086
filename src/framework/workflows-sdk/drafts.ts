import type { StepHandlers, StepKind, StepOutcome, StepPolicy, WorkflowGraph } from "../orchestrator/index.ts"

/** A step as recorded while composing; turned into a graph node when the composition ends. */
export type DraftStep = {
  /** Mutable: `.config({ name })` renames the use after the call recorded it. */
  id: string
  policy: StepPolicy
  readonly kind: StepKind
  readonly handlers: () => StepHandlers | undefined
  readonly toOutcome: (response: unknown) => StepOutcome
  readonly workflow: WorkflowGraph | undefined
  /** The argument as given: placeholders, plain values, or a mix. */
  readonly input: unknown
  /** `when` conditions around the call, outermost first. */
  readonly conditions: readonly DraftCondition[]
}

export type DraftCondition = {
  readonly id: string
  readonly name: string
  readonly values: unknown
  readonly predicate: (values: unknown) => unknown
}

/** A value computed from others at run time: a `transform`, or the result of a `when` block. */
export type DraftDerived = {
  readonly id: string
  readonly values: unknown
  readonly compute: (values: unknown) => unknown
  /** The value is undefined unless all these hold (the result of a `when` block). */
  readonly conditions: readonly DraftCondition[]
}

export type HookSlot = { readonly name: string; handlers: StepHandlers | undefined }
