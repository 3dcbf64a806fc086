import { LOCKING_KEY } from "../../../framework/locking/index.ts"
import type { LockingService } from "../../../framework/locking/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { runLockOwner } from "./acquire-lock.ts"

export type ReleaseLockStepInput = {
  key: string | string[]
  /** Defaults to the run, as `acquireLockStep` does. */
  ownerId?: string
}

export const releaseLockStepId = "release-lock-step"
/**
 * Gives back a lock taken by `acquireLockStep` in the same run. Nothing to undo; giving it back
 * twice is giving it back once. The run does not wait for the write (`releaseInBackground`): its
 * work is done, and this process's next use of the key waits for it.
 */
export const releaseLockStep = createStep({ name: releaseLockStepId, idempotent: true }, async (input: ReleaseLockStepInput, context) => {
  const ownerId = input.ownerId ?? runLockOwner(context)
  context.container.resolve<LockingService>(LOCKING_KEY).releaseInBackground(input.key, { ownerId })
  return new StepResponse(true)
})
