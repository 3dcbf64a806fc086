import type { PaymentDTO, PaymentSessionDTO } from "./types.ts"

/** A row as raw SQL returns it: timestamps as PostgreSQL text (or ISO text inside JSON). */
type Raw<T, Dates extends keyof T> = Omit<T, Dates> & { [K in Dates]: Timestamp | null }

type Timestamp = string | Date

type SessionDates = "authorized_at" | "created_at" | "updated_at" | "deleted_at"
type PaymentDates = "captured_at" | "canceled_at" | "created_at" | "updated_at" | "deleted_at"

export type RawSession = Raw<Omit<PaymentSessionDTO, "payment_collection">, SessionDates>
export type RawPayment = Raw<Omit<PaymentDTO, "payment_collection" | "payment_session" | "captures" | "refunds">, PaymentDates>

/** The columns of a session as the generated service answers them (amounts as exact decimal text). */
export const SESSION_COLUMNS = `id, currency_code, amount::text as amount, provider_id, data, context, status, authorized_at,
  metadata, payment_collection_id, created_at, updated_at, deleted_at`

export const PAYMENT_COLUMNS = `id, amount::text as amount, currency_code, provider_id, data, captured_at, canceled_at, metadata,
  payment_collection_id, payment_session_id, created_at, updated_at, deleted_at`

export function sessionOf(row: RawSession): PaymentSessionDTO {
  return {
    ...row,
    authorized_at: dateOrNull(row.authorized_at),
    created_at: date(row.created_at),
    updated_at: date(row.updated_at),
    deleted_at: dateOrNull(row.deleted_at),
  }
}

export function paymentOf(row: RawPayment): PaymentDTO {
  return {
    ...row,
    captured_at: dateOrNull(row.captured_at),
    canceled_at: dateOrNull(row.canceled_at),
    created_at: date(row.created_at),
    updated_at: date(row.updated_at),
    deleted_at: dateOrNull(row.deleted_at),
  }
}

function dateOrNull(value: Timestamp | null): Date | null {
  return value === null ? null : date(value)
}

/** `2026-01-02 03:04:05.678+00` (a column) or `2026-01-02T03:04:05.678+00:00` (JSON) as a Date. */
function date(value: Timestamp | null): Date {
  if (value === null) throw new Error("A payment row lacks a required timestamp")
  if (value instanceof Date) return value
  return new Date(value.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00"))
}
