import { currentComposition } from "./composition.ts"
import type { Resolved, WorkflowData } from "./workflow-data.ts"

/**
 * Computes a value from placeholders when the workflow runs. `fn` must be synchronous and pure:
 * it is not checkpointed, but computed again whenever a resumed run needs it.
 */
export function transform<V, R>(values: V, fn: (values: Resolved<V>) => R): WorkflowData<R> {
  const composition = currentComposition("transform()")
  return composition.addDerived(undefined, values, (resolved) => fn(resolved as Resolved<V>)) as WorkflowData<R>
}
