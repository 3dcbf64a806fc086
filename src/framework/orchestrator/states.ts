/** Where a run stands. Stored as these strings, so they must never be renamed. */
export const WorkflowState = {
  /** Stored but not begun. The engine creates runs directly as invoking; kept for storages that queue runs. */
  NOT_STARTED: "not_started",
  INVOKING: "invoking",
  /** Parked: an async step waits for `setStepSuccess` / `setStepFailure`, or its timeout. */
  WAITING: "waiting",
  DONE: "done",
  COMPENSATING: "compensating",
  /** The run failed and every completed step was compensated: nothing is left behind. */
  FAILED: "failed",
  /** The run failed and a compensation failed too: something may be left behind. */
  COMPENSATION_FAILED: "compensation_failed",
  /** The run can neither continue nor be compensated automatically (e.g. its definition changed). */
  DEAD_LETTER: "dead_letter",
} as const
export type WorkflowState = (typeof WorkflowState)[keyof typeof WorkflowState]

/** States in which the run's owner is working on it. */
export const ACTIVE_WORKFLOW_STATES: readonly WorkflowState[] = [
  WorkflowState.NOT_STARTED,
  WorkflowState.INVOKING,
  WorkflowState.COMPENSATING,
]

/** States from which a run never moves on by itself. */
export const FINAL_WORKFLOW_STATES: readonly WorkflowState[] = [
  WorkflowState.DONE,
  WorkflowState.FAILED,
  WorkflowState.COMPENSATION_FAILED,
  WorkflowState.DEAD_LETTER,
]

export function isFinalState(state: WorkflowState): boolean {
  return FINAL_WORKFLOW_STATES.includes(state)
}

export const StepStatus = {
  PENDING: "pending",
  INVOKING: "invoking",
  /** A failed attempt; the next one is due at `nextAttemptAt`. */
  RETRYING: "retrying",
  WAITING: "waiting",
  DONE: "done",
  /** Not run: its `when` condition was false, its hook has no handler, or it returned `StepResponse.skip()`. */
  SKIPPED: "skipped",
  FAILED: "failed",
  COMPENSATING: "compensating",
  COMPENSATED: "compensated",
  COMPENSATION_FAILED: "compensation_failed",
} as const
export type StepStatus = (typeof StepStatus)[keyof typeof StepStatus]
