import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { ApiKeyEvents } from "../events.ts"
import { revokeApiKeysStep } from "../steps/revoke-api-keys.ts"
import type { RevokeApiKeysStepInput } from "../steps/revoke-api-keys.ts"

export type RevokeApiKeysWorkflowInput = RevokeApiKeysStepInput

export const revokeApiKeysWorkflowId = "revoke-api-keys"

/** Revokes keys, now or in `revoke_in` seconds, and announces it. */
export const revokeApiKeysWorkflow = createWorkflow(revokeApiKeysWorkflowId, (input: WorkflowData<RevokeApiKeysWorkflowInput>) => {
  const keys = revokeApiKeysStep(input)
  emitEventStep(transform({ keys }, ({ keys }) => keys.map((key) => ({ name: ApiKeyEvents.REVOKED, data: { id: key.id } }))))
  return new WorkflowResponse(keys)
})
