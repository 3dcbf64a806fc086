import { createWorkflow, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { sendNotificationsStep } from "../steps/send-notifications.ts"
import type { SendNotificationsStepInput } from "../steps/send-notifications.ts"

export type SendNotificationsWorkflowInput = SendNotificationsStepInput

export const sendNotificationsWorkflowId = "send-notifications"

/** Sends notifications through their channels' providers (Medusa's `sendNotificationsWorkflow`). */
export const sendNotificationsWorkflow = createWorkflow(
  sendNotificationsWorkflowId,
  (input: WorkflowData<SendNotificationsWorkflowInput>) => new WorkflowResponse(sendNotificationsStep(input)),
)
