import { PermanentStepError } from "../orchestrator/index.ts"
import type { StepOutcome } from "../orchestrator/index.ts"

/** What a step returns: its output, and what its compensation needs to undo it (defaults to the output). */
export class StepResponse<TOutput = undefined, TCompensateInput = TOutput> {
  readonly output: TOutput
  readonly compensateInput: TCompensateInput

  constructor(...args: [output?: TOutput, compensateInput?: TCompensateInput]) {
    this.output = args[0] as TOutput
    // Without a second argument the output itself is what the compensation receives.
    this.compensateInput = (args.length > 1 ? args[1] : args[0]) as TCompensateInput
  }

  /** Fails the step at once, without its remaining retries; `compensateInput` reaches its compensation. */
  static permanentFailure(message = "Permanent failure", compensateInput?: unknown): never {
    throw new PermanentStepError(message, { compensateInput })
  }

  /** Marks the step skipped: no output, nothing to compensate, and the workflow goes on. */
  static skip(): SkippedStepResponse {
    return SKIPPED
  }
}

export class SkippedStepResponse {
  readonly skipped = true
}

const SKIPPED = new SkippedStepResponse()

/** How the engine reads what a handler returned (or what `setStepSuccess` was given). */
export function stepResponseToOutcome(response: unknown): StepOutcome {
  if (response instanceof SkippedStepResponse) return { kind: "skip" }
  if (response instanceof StepResponse) {
    return { kind: "success", output: response.output, compensationInput: response.compensateInput }
  }
  return { kind: "success", output: response, compensationInput: response }
}
