import type { InferEntity } from "../../framework/modules/index.ts"
import type { Notification } from "./models/notification.ts"

export type NotificationDTO = InferEntity<typeof Notification>

/** A notification to send (Medusa's `CreateNotificationDTO`). */
export type CreateNotificationInput = {
  /** The recipient: an email address on the "email" channel. */
  to: string
  channel: string
  template: string
  data?: Record<string, unknown> | null
  /** Defaults to the provider that serves the channel. */
  provider_id?: string | null
  trigger_type?: string | null
  resource_id?: string | null
  resource_type?: string | null
  receiver_id?: string | null
  /** Asking again with a key already sent returns that notification and sends nothing. */
  idempotency_key?: string | null
}
