import type { Database } from "../../framework/database/index.ts"
import { AgoraError } from "../../framework/errors/index.ts"
import { generateId } from "../../framework/modules/index.ts"
import type { InferCreateInput } from "../../framework/modules/index.ts"
import type { Notification } from "./models/notification.ts"
import type { NotificationDTO } from "./types.ts"

export type NotificationRow = InferCreateInput<typeof Notification>

type RawNotification = Omit<NotificationDTO, "created_at" | "updated_at" | "deleted_at"> & {
  created_at: Timestamp
  updated_at: Timestamp
  deleted_at: Timestamp | null
}
type Timestamp = string | Date

const COLUMNS = `id, "to", channel, template, data, trigger_type, resource_id, resource_type, receiver_id, provider_id, status,
  external_id, idempotency_key, created_at, updated_at, deleted_at`

const INPUT_COLUMNS = `id, "to", channel, template, data, trigger_type, resource_id, resource_type, receiver_id, provider_id, idempotency_key`

function recordStatement(count: number): string {
  const tuple = "(?::integer, ?::text, ?::text, ?::text, ?::text, ?::jsonb, ?::text, ?::text, ?::text, ?::text, ?::text, ?::text)"
  return `with input (position, ${INPUT_COLUMNS}) as (values ${Array.from({ length: count }, () => tuple).join(", ")}),
    inserted as (
      insert into notification (${COLUMNS})
      select id, "to", channel, template, data, trigger_type, resource_id, resource_type, receiver_id, provider_id, 'pending', null,
        idempotency_key, ?::timestamptz, ?::timestamptz, null
      from input
      on conflict (idempotency_key) where deleted_at is null do nothing
      returning ${COLUMNS})
    select input.position, true as created, ${prefixed("inserted")} from inserted join input on input.id = inserted.id
    union all
    select input.position, false, ${prefixed("n")} from notification n join input on n.idempotency_key = input.idempotency_key
    where n.deleted_at is null`
}

function prefixed(table: string): string {
  return COLUMNS.split(",").map((column) => `${table}.${column.trim()}`).join(", ")
}

/** A notification as recorded, and whether this call created it (false: its key named an earlier one). */
export type RecordedNotification = { notification: NotificationDTO; created: boolean }

/**
 * Records new notifications, or finds those whose idempotency_key names one already recorded, in
 * one statement; answers them in the order given.
 */
export async function recordNotifications(database: Database, rows: NotificationRow[]): Promise<RecordedNotification[]> {
  const at = new Date().toISOString()
  const found = await database.execute<RawNotification & { position: number; created: boolean }>(recordStatement(rows.length), [
    ...rows.flatMap((row, position) => [
      position,
      row.id ?? generateId("noti"),
      row.to,
      row.channel,
      row.template,
      row.data === null || row.data === undefined ? null : JSON.stringify(row.data),
      row.trigger_type ?? null,
      row.resource_id ?? null,
      row.resource_type ?? null,
      row.receiver_id ?? null,
      row.provider_id,
      row.idempotency_key ?? null,
    ]),
    at,
    at,
  ])
  const byPosition = new Map<number, RecordedNotification>()
  for (const { position, created, ...row } of found) {
    // A key whose earlier row was deleted meanwhile can come back twice: the row made now wins.
    if (created || !byPosition.has(position)) byPosition.set(position, { notification: notificationOf(row), created })
  }
  // A row another call recorded under the same key after this statement began is not in its view.
  const missing = rows.flatMap((row, position) => (byPosition.has(position) || !row.idempotency_key ? [] : [row.idempotency_key]))
  if (missing.length > 0) {
    const latecomers = await database.execute<RawNotification>(
      `select ${COLUMNS} from notification where idempotency_key in (${missing.map(() => "?").join(", ")}) and deleted_at is null`,
      missing,
    )
    const byKey = new Map(latecomers.map((row) => [row.idempotency_key, notificationOf(row)]))
    rows.forEach((row, position) => {
      const notification = byKey.get(row.idempotency_key ?? null)
      if (!byPosition.has(position) && notification) byPosition.set(position, { notification, created: false })
    })
  }
  return rows.map((row, position) => {
    const recorded = byPosition.get(position)
    if (!recorded) throw new Error(`Lost the notification with idempotency_key ${String(row.idempotency_key)} while recording it`)
    return recorded
  })
}

export type SendOutcome = { id: string; status: "success"; external_id: string | null } | { id: string; status: "failure" }

/** Records what the providers answered (a failure keeps its external_id), in one statement; answers the rows by id. */
export async function recordOutcomes(database: Database, outcomes: SendOutcome[]): Promise<Map<string, NotificationDTO>> {
  if (outcomes.length === 0) return new Map()
  const rows = await database.execute<RawNotification>(
    `update notification n set status = v.status,
      external_id = case when v.status = 'success' then v.external_id else n.external_id end, updated_at = ?::timestamptz
    from (values ${outcomes.map(() => "(?::text, ?::text, ?::text)").join(", ")}) as v (id, status, external_id)
    where n.id = v.id and n.deleted_at is null
    returning ${prefixed("n")}`,
    [
      new Date().toISOString(),
      ...outcomes.flatMap((outcome) => [outcome.id, outcome.status, outcome.status === "success" ? outcome.external_id : null]),
    ],
  )
  const byId = new Map(rows.map((row) => [row.id, notificationOf(row)]))
  const missing = outcomes.filter((outcome) => !byId.has(outcome.id)).map((outcome) => outcome.id)
  if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Notification with id: ${missing.join(", ")} was not found`)
  return byId
}

function notificationOf(row: RawNotification): NotificationDTO {
  const deleted_at = row.deleted_at === null ? null : date(row.deleted_at)
  return { ...row, created_at: date(row.created_at), updated_at: date(row.updated_at), deleted_at }
}

/** PostgreSQL's timestamptz text (`2026-01-02 03:04:05.678+00`) as a Date. */
function date(value: Timestamp): Date {
  return value instanceof Date ? value : new Date(value.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00"))
}
