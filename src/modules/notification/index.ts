import { Module } from "../../framework/modules/index.ts"
import { Notification } from "./models/notification.ts"
import { NotificationModuleService } from "./service.ts"

export const NOTIFICATION_MODULE = "notification"
export { NotificationModuleService }
export { LOCAL_PROVIDER_ID } from "./providers/registry.ts"
export { LocalNotificationProvider } from "./providers/local.ts"
export type { LocallySentNotification } from "./providers/local.ts"
export type * from "./providers/types.ts"
export type * from "./types.ts"
export type { RecordedNotification } from "./notification-statements.ts"
export type { NotificationStatus } from "./models/notification.ts"
export default Module(NOTIFICATION_MODULE, { service: NotificationModuleService, models: [Notification] })
