import { LOCKING_KEY } from "../../../framework/locking/index.ts"
import type { LockingService } from "../../../framework/locking/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { StepExecutionContext } from "../../../framework/workflows-sdk/index.ts"

export type AcquireLockStepInput = {
  key: string | string[]
  /** Seconds to wait while another run holds the lock (then the step fails with `conflict`). Default 5. */
  timeout?: number
  /** Seconds the lock outlives a run that died holding it. Default 60. */
  ttl?: number
  /** Defaults to the run itself, so only this run (or its resumption after a crash) holds it. */
  ownerId?: string
}

type HeldLock = { key: string | string[]; ownerId: string }

/** The owner a run's lock steps agree on without passing it along. */
export function runLockOwner(context: StepExecutionContext): string {
  return `${context.metadata.workflowId}:${context.metadata.transactionId}`
}

export const acquireLockStepId = "acquire-lock-step"
/**
 * Takes a lock for the run; its compensation gives it back. Taking it again in the same run only
 * extends it. The lock expires, so the step runs while the run's creation is written.
 */
export const acquireLockStep = createStep(
  { name: acquireLockStepId, idempotent: true, lapses: true },
  async (input: AcquireLockStepInput, context) => {
    const ownerId = input.ownerId ?? runLockOwner(context)
    await context.container.resolve<LockingService>(LOCKING_KEY).acquire(input.key, {
      ownerId,
      timeoutSeconds: input.timeout,
      expireSeconds: input.ttl,
    })
    return new StepResponse<undefined, HeldLock>(undefined, { key: input.key, ownerId })
  },
  async (held, { container }) => {
    if (!held) return // not acquired: the locking service gave back whatever it had taken
    await container.resolve<LockingService>(LOCKING_KEY).release(held.key, { ownerId: held.ownerId })
  },
)
