import { model } from "../../../framework/modules/index.ts"

export const NOTIFICATION_STATUSES = ["pending", "success", "failure"] as const

export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number]

/** One message to one recipient, as handed to a provider, with the outcome of sending it. */
export const Notification = model.define("notification", {
  id: model.id({ prefix: "noti" }).primaryKey(),
  /** Where it goes: an email address for the "email" channel. */
  to: model.text().searchable(),
  channel: model.text().index(),
  template: model.text(),
  /** What the template is rendered with. */
  data: model.json().nullable(),
  trigger_type: model.text().nullable(),
  resource_id: model.text().nullable().index(),
  resource_type: model.text().nullable(),
  receiver_id: model.text().nullable(),
  provider_id: model.text(),
  status: model.enum(NOTIFICATION_STATUSES).default("pending"),
  /** The provider's id of the message it sent. */
  external_id: model.text().nullable(),
  /** A notification asked for twice with one key is sent once. */
  idempotency_key: model.text().nullable().unique(),
})
