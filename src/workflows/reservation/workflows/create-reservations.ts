import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { CreateReservationItemInput } from "../../../modules/inventory/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { ReservationEvents } from "../events.ts"
import { createReservationsStep } from "../steps/create-reservations.ts"

export type CreateReservationsWorkflowInput = { reservations: CreateReservationItemInput[] }

export const createReservationsWorkflowId = "create-reservations-workflow"

/**
 * Holds stock of inventory items at locations (for an order's line item, or by hand): all of the
 * reservations, or none when a level lacks the units.
 */
export const createReservationsWorkflow = createWorkflow(
  createReservationsWorkflowId,
  (input: WorkflowData<CreateReservationsWorkflowInput>) => {
    const reservations = createReservationsStep(input.reservations)
    emitEventStep(
      transform({ reservations }, ({ reservations }) =>
        reservations.map((reservation) => ({ name: ReservationEvents.CREATED, data: { id: reservation.id } })),
      ),
    )
    return new WorkflowResponse(reservations)
  },
)
