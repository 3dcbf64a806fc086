export { sendNotificationsStep, sendNotificationsStepId } from "./steps/send-notifications.ts"
export type { SendNotificationsStepInput } from "./steps/send-notifications.ts"
export { sendNotificationsWorkflow, sendNotificationsWorkflowId } from "./workflows/send-notifications.ts"
export type { SendNotificationsWorkflowInput } from "./workflows/send-notifications.ts"
