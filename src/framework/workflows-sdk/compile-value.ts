import type { ValueScope } from "../orchestrator/index.ts"
import type { Composition } from "./composition.ts"
import type { DraftCondition, DraftDerived, DraftStep } from "./drafts.ts"
import { readPlaceholder, type PlaceholderRef } from "./placeholder.ts"

export type Getter = (scope: ValueScope) => unknown

/** A composition-time value turned into a function of the run, plus the steps it reads. */
export type Compiled = { readonly get: Getter; readonly steps: ReadonlySet<DraftStep> }

/**
 * Compiles the values a composer handed to steps, transforms and conditions into functions that
 * read a run's input and step outputs. Done once per definition, so a run only calls closures.
 */
export class ValueCompiler {
  readonly #composition: Composition
  readonly #derived = new Map<DraftDerived, Compiled>()
  readonly #conditions = new Map<DraftCondition, Compiled>()

  constructor(composition: Composition) {
    this.#composition = composition
  }

  compile(value: unknown): Compiled {
    const ref = readPlaceholder(value)
    if (ref !== undefined) return this.#compileRef(ref)
    if (Array.isArray(value)) {
      const items = value.map((item) => this.compile(item))
      return { get: (scope) => items.map((item) => item.get(scope)), steps: union(items) }
    }
    if (isPlainObject(value)) {
      const entries = Object.entries(value).map(([key, item]) => [key, this.compile(item)] as const)
      return {
        get: (scope) => {
          const built: Record<string, unknown> = {}
          for (const [key, item] of entries) built[key] = item.get(scope)
          return built
        },
        steps: union(entries.map(([, item]) => item)),
      }
    }
    return { get: () => value, steps: new Set() }
  }

  /** True when every condition holds; each is evaluated once per run (and again on resume). */
  compileConditions(conditions: readonly DraftCondition[]): Compiled | undefined {
    if (conditions.length === 0) return undefined
    const compiled = conditions.map((condition) => this.#compileCondition(condition))
    return { get: (scope) => compiled.every((c) => c.get(scope) === true), steps: union(compiled) }
  }

  #compileCondition(condition: DraftCondition): Compiled {
    let compiled = this.#conditions.get(condition)
    if (compiled === undefined) {
      const values = this.compile(condition.values)
      compiled = { get: memoized(condition, (scope) => Boolean(condition.predicate(values.get(scope)))), steps: values.steps }
      this.#conditions.set(condition, compiled)
    }
    return compiled
  }

  #compileRef(ref: PlaceholderRef): Compiled {
    if (ref.composition !== this.#composition) {
      throw new Error(
        `A value of workflow "${ref.composition.workflowId}" was used in workflow "${this.#composition.workflowId}": values cannot cross workflows, pass them as input`,
      )
    }
    const { source, path } = ref
    if (source.kind === "input") return { get: (scope) => readPath(scope.input, path), steps: new Set() }
    if (source.kind === "step") {
      const { step } = source
      const id = step.id
      return { get: (scope) => readPath(scope.outputOf(id), path), steps: new Set([step]) }
    }
    const derived = this.#compileDerived(source.derived)
    return path.length === 0 ? derived : { get: (scope) => readPath(derived.get(scope), path), steps: derived.steps }
  }

  #compileDerived(derived: DraftDerived): Compiled {
    let compiled = this.#derived.get(derived)
    if (compiled === undefined) {
      const values = this.compile(derived.values)
      const guard = this.compileConditions(derived.conditions)
      const compute = (scope: ValueScope) => {
        if (guard !== undefined && guard.get(scope) !== true) return undefined
        const result = derived.compute(values.get(scope))
        if (result instanceof Promise) {
          throw new Error(`${derived.id} of workflow "${this.#composition.workflowId}" returned a promise: transforms must be synchronous and pure`)
        }
        return result
      }
      compiled = { get: memoized(derived, compute), steps: union(guard === undefined ? [values] : [values, guard]) }
      this.#derived.set(derived, compiled)
    }
    return compiled
  }
}

/** Caches a derived value in the run's scope, so one transform feeding several steps runs once. */
function memoized(key: object, compute: Getter): Getter {
  return (scope) => {
    if (scope.memo.has(key)) return scope.memo.get(key)
    const value = compute(scope)
    scope.memo.set(key, value)
    return value
  }
}

function readPath(value: unknown, path: readonly string[]): unknown {
  let current = value
  for (const key of path) {
    if (current === null || current === undefined) return undefined
    current = Reflect.get(Object(current), key)
  }
  return current
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

function union(compiled: readonly Compiled[]): Set<DraftStep> {
  const steps = new Set<DraftStep>()
  for (const item of compiled) for (const step of item.steps) steps.add(step)
  return steps
}
