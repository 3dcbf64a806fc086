import type { Database } from "../../framework/database/index.ts"
import { RELAXED_COMMIT } from "../../framework/database/index.ts"
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

/** Seconds a claim on a session's authorization lasts: far longer than a provider takes to answer. */
export const AUTHORIZATION_CLAIM_SECONDS = 60

// What the writes that end a claim set, and the condition under which they hold it still.
const ENDS_CLAIM = "authorizing_until = null, authorizing_by = null"
const HOLDS_CLAIM = "authorizing_until = ?::timestamptz"

/** A session claimed for its authorization; `claim` identifies the claim in the writes that end it. */
export type ClaimedSession = Pick<
  PaymentSessionDTO,
  "id" | "status" | "provider_id" | "data" | "amount" | "currency_code" | "payment_collection_id"
> & { claim: string }

/**
 * What a claim on a session's authorization found: the session, now claimed by the caller; its
 * payment, as it is authorized already; that it was canceled; or that another authorization of it
 * is under way (`busy`).
 */
export type AuthorizationClaim = { claimed: ClaimedSession } | { payment: PaymentDTO } | { canceled: true } | { busy: true }

type ClaimRow = { authorized: boolean; status: PaymentSessionStatus; payment: RawPayment | null; claimed: ClaimedSession | null }

/**
 * Claims the live session for an authorization, in one statement that also answers what stands in
 * the way; not_found naming it. The claim lapses after AUTHORIZATION_CLAIM_SECONDS; a `claimant`
 * (the caller's idempotency key) takes over its own earlier claim at once, as a workflow step run
 * again after a crash does. The claim commits without waiting for the disk: lost in a crash of
 * PostgreSQL, it lapsed at once.
 */
export async function claimAuthorization(database: Database, id: string, claimant: string | null): Promise<AuthorizationClaim> {
  const [row] = await database.execute<ClaimRow>(
    `with current as (
      select s.id, s.status, s.authorized_at is not null as authorized,
        (select to_jsonb(p) from (select ${PAYMENT_COLUMNS} from payment
          where payment_session_id = s.id and deleted_at is null order by id limit 1) p) as payment
      from payment_session s where s.id = ? and s.deleted_at is null),
    claimed as (
      update payment_session s set authorizing_until = now() + make_interval(secs => ?), authorizing_by = ?::text
      where s.id = ? and s.deleted_at is null and s.authorized_at is null and s.status <> 'canceled'
        and (s.authorizing_until is null or s.authorizing_until <= now() or s.authorizing_by = ?::text)
      returning s.id, s.status, s.provider_id, s.data, s.amount::text as amount, s.currency_code, s.payment_collection_id,
        s.authorizing_until::text as claim)
    select current.authorized, current.status, current.payment, to_jsonb(claimed) as claimed, ${RELAXED_COMMIT}
    from current left join claimed on true`,
    [id, AUTHORIZATION_CLAIM_SECONDS, claimant, id, claimant],
  )
  if (!row) throw new AgoraError(AgoraError.Types.NOT_FOUND, `PaymentSession with id: ${id} was not found`)
  if (row.claimed) return { claimed: row.claimed }
  if (row.authorized && row.payment) return { payment: paymentOf(row.payment) }
  if (row.status === "canceled") return { canceled: true }
  return { busy: true }
}

/** Gives a claim up, the session unchanged: its provider failed to answer. */
export async function releaseAuthorizationClaim(database: Database, session: ClaimedSession): Promise<void> {
  await database.execute(
    `update payment_session set ${ENDS_CLAIM} where id = ? and ${HOLDS_CLAIM} returning ${RELAXED_COMMIT}`,
    [session.id, session.claim],
  )
}

/**
 * Marks a claimed session authorized with the provider's data, makes its payment (captured in full
 * when the provider captured), brings the collection's amounts and status along and ends the claim:
 * one statement. Undefined, with nothing written, when the claim is no longer the caller's (it lapsed
 * and another authorization took the session, or the session was deleted).
 */
export async function recordAuthorization(
  database: Database,
  session: ClaimedSession,
  outcome: { data: Record<string, unknown>; captured: boolean },
): Promise<PaymentDTO | undefined> {
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
      update payment_session set status = 'authorized', data = ?::jsonb, authorized_at = change.at, updated_at = change.at, ${ENDS_CLAIM}
      from change where id = ? and ${HOLDS_CLAIM} and deleted_at is null
      returning id),
    collection as (update payment_collection c set ${ADD_TO_COLLECTION} from change, session_authorized where c.id = ?),
    made as (
      insert into payment (id, amount, currency_code, provider_id, data, captured_at, canceled_at, metadata,
        payment_collection_id, payment_session_id, created_at, updated_at, deleted_at)
      select ?, ?::numeric, ?, ?, ?::jsonb, case when ?::boolean then change.at end, null, null, ?, session_authorized.id, change.at, change.at, null
      from change, session_authorized
      returning ${PAYMENT_COLUMNS})${capture}
    select * from made`,
    [
      ...changeValues({ authorized, captured, at, canceled: false }),
      JSON.stringify(outcome.data),
      session.id,
      session.claim,
      session.payment_collection_id,
      generateId("pay"),
      session.amount,
      session.currency_code,
      session.provider_id,
      JSON.stringify(outcome.data),
      outcome.captured,
      session.payment_collection_id,
      ...(outcome.captured ? [generateId("capt")] : []),
    ],
  )
  return row ? paymentOf(row) : undefined
}

/** Keeps the status and data a provider answered a claimed session with, when it did not authorize it, and ends the claim. */
export async function recordRefusal(
  database: Database,
  session: ClaimedSession,
  outcome: { status: PaymentSessionStatus; data: Record<string, unknown> },
): Promise<void> {
  await database.execute(
    `update payment_session set status = ?, data = ?::jsonb, updated_at = ?, ${ENDS_CLAIM} where id = ? and ${HOLDS_CLAIM}`,
    [outcome.status, JSON.stringify(outcome.data), new Date().toISOString(), session.id, session.claim],
  )
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
