import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { CreateApiKeyInput } from "../../../modules/api-key/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { ApiKeyEvents } from "../events.ts"
import { createApiKeysStep } from "../steps/create-api-keys.ts"

export type CreateApiKeysWorkflowInput = { api_keys: CreateApiKeyInput[] }

export const createApiKeysWorkflowId = "create-api-keys"

/** Creates publishable or secret keys and announces them; the result holds the secret tokens, shown this once. */
export const createApiKeysWorkflow = createWorkflow(createApiKeysWorkflowId, (input: WorkflowData<CreateApiKeysWorkflowInput>) => {
  const keys = createApiKeysStep(input.api_keys)
  emitEventStep(transform({ keys }, ({ keys }) => keys.map((key) => ({ name: ApiKeyEvents.CREATED, data: { id: key.id } }))))
  return new WorkflowResponse(keys)
})
