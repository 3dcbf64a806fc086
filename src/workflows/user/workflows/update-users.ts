import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { UserEvents } from "../events.ts"
import { updateUsersStep } from "../steps/update-users.ts"
import type { UpdateUserInput } from "../steps/update-users.ts"

export type UpdateUsersWorkflowInput = { updates: UpdateUserInput[] }

export const updateUsersWorkflowId = "update-users"

/** Updates admin users' names, avatars and metadata, and announces it. */
export const updateUsersWorkflow = createWorkflow(updateUsersWorkflowId, (input: WorkflowData<UpdateUsersWorkflowInput>) => {
  const users = updateUsersStep(input.updates)
  emitEventStep(transform({ users }, ({ users }) => users.map((user) => ({ name: UserEvents.UPDATED, data: { id: user.id } }))))
  return new WorkflowResponse(users)
})
