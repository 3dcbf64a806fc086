import type { Database } from "../../framework/database/index.ts"
import { AgoraError } from "../../framework/errors/index.ts"
import { generateId } from "../../framework/modules/index.ts"
import { ADD_TO_COLLECTION, CHANGE_CTE, changeValues } from "./collection-status.ts"
import { PAYMENT_SESSION_STATUSES } from "./models/payment-session.ts"
import type { PaymentSessionStatus } from "./models/payment-session.ts"
import { PAYMENT_COLUMNS, paymentOf, SESSION_COLUMNS, sessionOf } from "./rows.ts"
import type { RawPayment, RawSession } from "./rows.ts"
import type { PaymentDTO, PaymentSessionDTO } from "./types.ts"

export type NewSession = {
  id: string
  payment_collection_id: string
  provider_id: string
  /** An exact decimal. */
  amount: string
  /** The collection's currency, in any case: the session takes the collection's as stored. */
  currency_code: string
  data: Record<string, unknown>
  context: Record<string, unknown> | null
  status: PaymentSessionStatus
}

/**
 * Records a session the provider has initiated and brings its collection's status along, in one
 * statement; undefined (nothing written) when the collection is gone or has another currency.
 */
export async function insertSession(database: Database, session: NewSession): Promise<PaymentSessionDTO | undefined> {
  const at = new Date()
  const authorized = session.status === "authorized" ? session.amount : "0"
  const [row] = await database.execute<RawSession>(
    `with ${CHANGE_CTE},
    collection as (
      update payment_collection c set ${ADD_TO_COLLECTION}
      from change where c.id = ? and c.deleted_at is null and lower(c.currency_code) = lower(?) returning c.id, c.currency_code)
    insert into payment_session (id, currency_code, amount, provider_id, data, context, status, authorized_at, metadata,
      payment_collection_id, created_at, updated_at, deleted_at)
    select ?, collection.currency_code, ?::numeric, ?, ?::jsonb, ?::jsonb, ?, null, null, collection.id, change.at, change.at, null from collection, change
    returning ${SESSION_COLUMNS}`,
    [
      ...changeValues({ authorized, captured: "0", at, canceled: session.status === "canceled" }),
      session.payment_collection_id,
      session.currency_code,
      session.id,
      session.amount,
      session.provider_id,
      JSON.stringify(session.data),
      session.context === null ? null : JSON.stringify(session.context),
      session.status,
    ],
  )
  return row ? sessionOf(row) : undefined
}

export type LockedSession = Pick<
  PaymentSessionDTO,
  "id" | "status" | "provider_id" | "data" | "amount" | "currency_code" | "payment_collection_id"
> & { authorized: boolean; payment: PaymentDTO | null }

type LockedRow = Omit<LockedSession, "payment"> & { payment: RawPayment | null }

/**
 * The live session with its payment, its row locked until the transaction ends; not_found naming it.
 * Call it in a transaction.
 */
export async function lockSession(database: Database, id: string): Promise<LockedSession> {
  const [row] = await database.execute<LockedRow>(
    `select s.id, s.status, s.provider_id, s.data, s.amount::text as amount, s.currency_code, s.payment_collection_id,
      s.authorized_at is not null as authorized,
      (select to_jsonb(p) from (select ${PAYMENT_COLUMNS} from payment
        where payment_session_id = s.id and deleted_at is null order by id limit 1) p) as payment
    from payment_session s where s.id = ? and s.deleted_at is null for update of s`,
    [id],
  )
  if (!row) throw new AgoraError(AgoraError.Types.NOT_FOUND, `PaymentSession with id: ${id} was not found`)
  const session = { ...row, payment: row.payment && paymentOf(row.payment) }
  // Waiting for the lock, the statement sees the session as the authorization it waited for left it,
  // but reads the payment as it was when the statement began: that payment is read again.
  if (session.authorized && !session.payment) session.payment = await paymentOfSession(database, id)
  return session
}

async function paymentOfSession(database: Database, sessionId: string): Promise<PaymentDTO | null> {
  const [row] = await database.execute<RawPayment>(
    `select ${PAYMENT_COLUMNS} from payment where payment_session_id = ? and deleted_at is null order by id limit 1`,
    [sessionId],
  )
  return row ? paymentOf(row) : null
}

/**
 * Marks a locked session authorized with the provider's data, makes its payment (captured in full
 * when the provider captured), and brings the collection's amounts and status along: one statement.
 */
export async function recordAuthorization(
  database: Database,
  session: LockedSession,
  outcome: { data: Record<string, unknown>; captured: boolean },
): Promise<PaymentDTO> {
  const at = new Date()
  // A session the provider answered `authorized` when it was opened already counts as authorized.
  const authorized = session.status === "authorized" ? "0" : session.amount
  const captured = outcome.captured ? session.amount : "0"
  const capture = outcome.captured
    ? `, captured as (insert into capture (id, amount, created_by, metadata, payment_id, created_at, updated_at, deleted_at)
        select ?, made.amount::numeric, null, null, made.id, change.at, change.at, null from made, change)`
    : ""
  const [row] = await database.execute<RawPayment>(
    `with ${CHANGE_CTE},
    session_authorized as (
      update payment_session set status = 'authorized', data = ?::jsonb, authorized_at = change.at, updated_at = change.at
      from change where id = ?),
    collection as (update payment_collection c set ${ADD_TO_COLLECTION} from change where c.id = ?),
    made as (
      insert into payment (id, amount, currency_code, provider_id, data, captured_at, canceled_at, metadata,
        payment_collection_id, payment_session_id, created_at, updated_at, deleted_at)
      select ?, ?::numeric, ?, ?, ?::jsonb, case when ?::boolean then change.at end, null, null, ?, ?, change.at, change.at, null
      from change
      returning ${PAYMENT_COLUMNS})${capture}
    select * from made`,
    [
      ...changeValues({ authorized, captured, at, canceled: false }),
      JSON.stringify(outcome.data),
      session.id,
      session.payment_collection_id,
      generateId("pay"),
      session.amount,
      session.currency_code,
      session.provider_id,
      JSON.stringify(outcome.data),
      outcome.captured,
      session.payment_collection_id,
      session.id,
      ...(outcome.captured ? [generateId("capt")] : []),
    ],
  )
  if (!row) throw new Error(`Lost the payment of session ${session.id} while recording it`)
  return paymentOf(row)
}

/** Keeps the status and data a provider answered a session that it did not authorize with. */
export async function recordRefusal(
  database: Database,
  id: string,
  outcome: { status: PaymentSessionStatus; data: Record<string, unknown> },
): Promise<void> {
  await database.execute(`update payment_session set status = ?, data = ?::jsonb, updated_at = ? where id = ?`, [
    outcome.status,
    JSON.stringify(outcome.data),
    new Date().toISOString(),
    id,
  ])
}

/** A provider's answer as a session status; invalid_data, as the generated update says it, otherwise. */
export function sessionStatus(value: unknown): PaymentSessionStatus {
  const status = PAYMENT_SESSION_STATUSES.find((allowed) => allowed === value)
  if (status === undefined) {
    throw new AgoraError(
      AgoraError.Types.INVALID_DATA,
      `PaymentSession: payment_session.status must be one of ${PAYMENT_SESSION_STATUSES.join(", ")}, got '${String(value)}'`,
    )
  }
  return status
}
