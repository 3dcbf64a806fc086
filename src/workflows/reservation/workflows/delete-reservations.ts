import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { ReservationEvents } from "../events.ts"
import { deleteReservationsStep } from "../steps/delete-reservations.ts"

export type DeleteReservationsWorkflowInput = { ids: string[] }

export const deleteReservationsWorkflowId = "delete-reservations-workflow"

/** Deletes reservations, giving their units back. Unknown ids are ignored; returns the ids deleted. */
export const deleteReservationsWorkflow = createWorkflow(
  deleteReservationsWorkflowId,
  (input: WorkflowData<DeleteReservationsWorkflowInput>) => {
    const deleted = deleteReservationsStep(input.ids)
    emitEventStep(transform({ deleted }, ({ deleted }) => deleted.map((id) => ({ name: ReservationEvents.DELETED, data: { id } }))))
    return new WorkflowResponse(deleted)
  },
)
