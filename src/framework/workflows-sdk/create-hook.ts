import { assertValidId, currentComposition, policyOf } from "./composition.ts"
import type { HookSlot } from "./drafts.ts"
import { stepResponseToOutcome } from "./step-response.ts"
import type { Hook, Resolved } from "./workflow-data.ts"

/** Step id of a hook in a workflow's graph and records. */
export function hookStepId(name: string): string {
  return `hook.${name}`
}

/**
 * A point where a developer's handler runs as a step, with its own compensation. It receives
 * `values` as they are when the workflow reaches it. Return it in `WorkflowResponse({ hooks })`
 * so that `workflow.hooks[name](handler, compensate)` can register the handler.
 */
export function createHook<const TName extends string, V>(name: TName, values: V): Hook<TName, Resolved<V>> {
  assertValidId(name, "hook")
  const composition = currentComposition(`createHook("${name}")`)
  if (composition.hooks.has(name)) throw new Error(`Workflow "${composition.workflowId}" defines hook "${name}" twice`)
  const slot: HookSlot = { name, handlers: undefined }
  composition.hooks.set(name, slot)
  composition.addStep({
    id: hookStepId(name),
    kind: "hook",
    policy: policyOf({}),
    handlers: () => slot.handlers,
    toOutcome: stepResponseToOutcome,
    workflow: undefined,
    input: values,
  })
  return { name } as Hook<TName, Resolved<V>>
}
