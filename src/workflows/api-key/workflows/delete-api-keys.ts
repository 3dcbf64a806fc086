import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { ApiKeyEvents } from "../events.ts"
import { deleteApiKeysStep } from "../steps/delete-api-keys.ts"

export type DeleteApiKeysWorkflowInput = { ids: string[] }

export const deleteApiKeysWorkflowId = "delete-api-keys"

/** Deletes revoked keys with their sales channel links, and announces it. */
export const deleteApiKeysWorkflow = createWorkflow(deleteApiKeysWorkflowId, (input: WorkflowData<DeleteApiKeysWorkflowInput>) => {
  const deleted = deleteApiKeysStep(input.ids)
  emitEventStep(transform({ deleted }, ({ deleted }) => deleted.map((id) => ({ name: ApiKeyEvents.DELETED, data: { id } }))))
  return new WorkflowResponse(deleted)
})
