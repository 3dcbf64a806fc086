import { currentComposition } from "./composition.ts"
import type { WorkflowData } from "./workflow-data.ts"

/** Runs the given step calls concurrently; returns their outputs as given. */
export function parallelize<const T extends readonly WorkflowData[]>(...steps: T): T {
  currentComposition("parallelize()").parallelize(steps)
  return steps
}
