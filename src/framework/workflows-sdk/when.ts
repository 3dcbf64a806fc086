import { currentComposition } from "./composition.ts"
import type { Resolved, WorkflowData } from "./workflow-data.ts"

export type WhenCondition<V> = (values: Resolved<V>) => boolean | null | undefined

export type WhenBlock = {
  /**
   * Steps called in `body` run only when the condition holds, and are skipped otherwise. The
   * result is what `body` returns, or undefined when the condition did not hold.
   */
  then<R>(body: () => R): WorkflowData<Resolved<R> | undefined>
}

/** Guards a branch of the workflow: `when("gift-wrap", { cart }, ({ cart }) => cart.gift).then(() => ...)`. */
export function when<V>(values: V, condition: WhenCondition<V>): WhenBlock
export function when<V>(name: string, values: V, condition: WhenCondition<V>): WhenBlock
export function when(...args: [unknown, (values: never) => unknown] | [string, unknown, (values: never) => unknown]): WhenBlock {
  const [name, values, condition] = args.length === 3 ? args : [undefined, ...args]
  const composition = currentComposition("when()")
  const predicate = condition as (values: unknown) => unknown
  return {
    then<R>(body: () => R) {
      const { result, conditions } = composition.withCondition(name, values, predicate, body)
      const id = `${conditions.at(-1)?.id ?? "when"}-result`
      return composition.addDerived(id, result, (resolved) => resolved, conditions) as WorkflowData<Resolved<R> | undefined>
    },
  }
}
