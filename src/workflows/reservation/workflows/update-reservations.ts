import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { ReservationEvents } from "../events.ts"
import { updateReservationsStep } from "../steps/update-reservations.ts"
import type { ReservationUpdate } from "../steps/update-reservations.ts"

export type UpdateReservationsWorkflowInput = { updates: ReservationUpdate[] }

export const updateReservationsWorkflowId = "update-reservations-workflow"

/** Changes reservations: their quantity, location, description or metadata. All of them, or none. */
export const updateReservationsWorkflow = createWorkflow(
  updateReservationsWorkflowId,
  (input: WorkflowData<UpdateReservationsWorkflowInput>) => {
    const reservations = updateReservationsStep(input.updates)
    emitEventStep(
      transform({ reservations }, ({ reservations }) =>
        reservations.map((reservation) => ({ name: ReservationEvents.UPDATED, data: { id: reservation.id } })),
      ),
    )
    return new WorkflowResponse(reservations)
  },
)
