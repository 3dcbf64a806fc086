/*
 * Types of the values a composer function handles. While a workflow is composed, nothing has run:
 * steps return placeholders (`WorkflowData<T>`) that stand for values the run will produce.
 */

// Type-only brands: they exist for the compiler, never at run time.
declare const workflowDataType: unique symbol
declare const hookInputType: unique symbol

/**
 * A value produced when the workflow runs. Reading a property gives the placeholder of that
 * property (`input.cartId`); anything else (arithmetic, conditions, spreading) needs `transform`.
 */
export type WorkflowData<T = unknown> = { readonly [workflowDataType]: T } & DataProperties<T>

type DataProperties<T> = [NonNullable<T>] extends [never]
  ? unknown
  : NonNullable<T> extends readonly unknown[] | ((...args: never[]) => unknown)
    ? unknown
    : NonNullable<T> extends object
      ? { readonly [K in keyof NonNullable<T>]-?: WorkflowData<PropertyOf<T, K>> }
      : unknown

/** `T[K]`, undefined where `T` is nullish or lacks `K`. */
type PropertyOf<T, K extends PropertyKey> = T extends null | undefined ? undefined : K extends keyof T ? T[K] : undefined

/** What a step's output is at composition time: data, plus `.config()` to rename or tune this use. */
export type StepOutput<T> = WorkflowData<T> & {
  /** Settings for this use of the step; `name` lets one step be used twice in a workflow. */
  config(overrides: StepOverrides): WorkflowData<T>
}

export type StepOverrides = {
  readonly name?: string
  readonly maxRetries?: number
  readonly retryInterval?: number
  readonly backoff?: "fixed" | "exponential"
  readonly timeout?: number
  readonly async?: boolean
  readonly compensationMaxRetries?: number
  /**
   * The step only reads, checks or computes (events it emits are held by the run): its end needs
   * no checkpoint of its own and goes with the run's next one. A run resumed after a crash runs
   * it again, so it must change nothing that outlives the run. Not for `async` steps.
   */
  readonly readOnly?: boolean
  /**
   * Running the step twice has the effect of running it once (taking a lock its run already holds,
   * giving it back): like a read-only step, its end goes with the run's next checkpoint, and a run
   * resumed after a crash may run it again. Its compensation still runs on a rollback.
   */
  readonly idempotent?: boolean
  /**
   * What the step changes lapses by itself (a lock taken with an expiry): like a read-only step, it
   * may run while the run's creation is still being written. A crash before that write lands leaves
   * nothing but what lapses. If the run turns out not to be created (the write failed, or found a
   * finished run under its transaction id), its compensation runs at once. Not for `async` steps.
   */
  readonly lapses?: boolean
}

/** What may be passed where a `T` is expected: a plain `T`, a placeholder, or a structure mixing both. */
export type WorkflowInput<T> = WorkflowData<T> | InputShape<T>

type InputShape<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends object
    ? T | { [K in keyof T]: WorkflowInput<T[K]> }
    : T

/** The run-time value of a composition-time value: placeholders replaced by what they stand for. */
export type Resolved<V> = V extends { readonly [workflowDataType]: infer T }
  ? T
  : V extends (...args: never[]) => unknown
    ? V
    : V extends object
      ? { -readonly [K in keyof V]: Resolved<V[K]> }
      : V

/** A point in a workflow where a developer's handler runs as a step; see `createHook`. */
export type Hook<TName extends string, TInput> = {
  readonly name: TName
  readonly [hookInputType]: TInput
}

export type HookInput<H> = H extends { readonly [hookInputType]: infer T } ? T : never
