import { inspect } from "node:util"
import type { Composition } from "./composition.ts"
import type { DraftDerived, DraftStep } from "./drafts.ts"

const PLACEHOLDER = Symbol("agora.workflow-data")

export type PlaceholderSource =
  | { readonly kind: "input" }
  | { readonly kind: "step"; readonly step: DraftStep }
  | { readonly kind: "derived"; readonly derived: DraftDerived }

/** What a placeholder stands for: a source in one composition, and a property path into it. */
export type PlaceholderRef = {
  readonly composition: Composition
  readonly source: PlaceholderSource
  readonly path: readonly string[]
}

/**
 * A composition-time stand-in for a run-time value. Property reads give nested placeholders;
 * whatever would silently go wrong (spreading, string conversion, assignment) throws instead.
 */
export function createPlaceholder(ref: PlaceholderRef, configure?: (overrides: unknown) => unknown): unknown {
  const children = new Map<string, unknown>()
  const describe = () => `[WorkflowData ${describeRef(ref)}]`
  return new Proxy(Object.create(null) as object, {
    get(_target, property) {
      if (property === PLACEHOLDER) return ref
      if (property === inspect.custom) return describe
      if (property === Symbol.toPrimitive) return () => misuse(ref, "converted to a string or number")
      if (typeof property === "symbol" || property === "then" || property === "toJSON") return undefined
      if (property === "config" && configure !== undefined && ref.path.length === 0) return configure
      let child = children.get(property)
      if (child === undefined) {
        child = createPlaceholder({ ...ref, path: [...ref.path, property] })
        children.set(property, child)
      }
      return child
    },
    set: () => misuse(ref, "assigned to"),
    deleteProperty: () => misuse(ref, "changed"),
    ownKeys: () => misuse(ref, "spread or iterated"),
  })
}

export function readPlaceholder(value: unknown): PlaceholderRef | undefined {
  if (value === null || typeof value !== "object") return undefined
  const ref: unknown = Reflect.get(value, PLACEHOLDER)
  return ref === undefined ? undefined : (ref as PlaceholderRef)
}

function describeRef(ref: PlaceholderRef): string {
  const base = ref.source.kind === "input" ? "input" : ref.source.kind === "step" ? ref.source.step.id : ref.source.derived.id
  return [base, ...ref.path].join(".")
}

function misuse(ref: PlaceholderRef, what: string): never {
  throw new Error(
    `Workflow "${ref.composition.workflowId}": ${describeRef(ref)} has no value while the workflow is composed and cannot be ${what}; compute with it inside transform()`,
  )
}
