import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { EmitData, EventBus } from "../../../framework/events/index.ts"

/**
 * Raises events from a workflow. They are held with the step and published only when the run
 * succeeds, so a rolled-back flow never announces what it undid.
 */
export const emitEventStep = createStep({ name: "emit-event-step", readOnly: true }, async (input: EmitData | EmitData[], { container }) => {
  await container.resolve<EventBus>("eventBus").emit(input)
  return new StepResponse(undefined)
})
