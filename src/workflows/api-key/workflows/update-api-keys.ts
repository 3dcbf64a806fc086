import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { ApiKeyEvents } from "../events.ts"
import { updateApiKeysStep } from "../steps/update-api-keys.ts"
import type { UpdateApiKeyInput } from "../steps/update-api-keys.ts"

export type UpdateApiKeysWorkflowInput = { api_keys: UpdateApiKeyInput[] }

export const updateApiKeysWorkflowId = "update-api-keys"

/** Renames keys and announces it. */
export const updateApiKeysWorkflow = createWorkflow(updateApiKeysWorkflowId, (input: WorkflowData<UpdateApiKeysWorkflowInput>) => {
  const keys = updateApiKeysStep(input.api_keys)
  emitEventStep(transform({ keys }, ({ keys }) => keys.map((key) => ({ name: ApiKeyEvents.UPDATED, data: { id: key.id } }))))
  return new WorkflowResponse(keys)
})
