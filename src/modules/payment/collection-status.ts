import type { Database } from "../../framework/database/index.ts"

/** SQL expressions a collection's status is derived from. */
type StatusTerms = { noSessions: string; allCanceled: string; authorized: string; captured: string; amount: string }

/** A collection's status from its sessions and captures, as Medusa derives it, as a SQL expression. */
function statusSql({ noSessions, allCanceled, authorized, captured, amount }: StatusTerms): string {
  return `(case when ${noSessions} then 'not_paid' when ${allCanceled} then 'canceled'
    when ${captured} > 0 and ${captured} >= ${amount} then 'completed'
    when ${authorized} > 0 and ${authorized} >= ${amount} then 'authorized'
    when ${authorized} > 0 then 'partially_authorized' else 'awaiting' end)`
}

function collectionColumns(terms: StatusTerms, at: string): string {
  const status = statusSql(terms)
  return `authorized_amount = trim_scale(${terms.authorized}), captured_amount = trim_scale(${terms.captured}), status = ${status},
    completed_at = case when ${status} = 'completed' then coalesce(c.completed_at, ${at}) else null end, updated_at = ${at}`
}

/**
 * A CTE `change` of what one statement adds to a collection: authorized and captured amounts, when,
 * and whether the session it adds is canceled. Its values, in order, follow `changeValues`.
 */
export const CHANGE_CTE = "change as (select ?::numeric as authorized, ?::numeric as captured, ?::timestamptz as at, ?::boolean as canceled)"

export function changeValues(change: { authorized: string; captured: string; at: Date; canceled: boolean }): unknown[] {
  return [change.authorized, change.captured, change.at.toISOString(), change.canceled]
}

/**
 * The SET list of `update payment_collection c ... from change` for a statement that adds a live
 * session, or authorizes one. The status follows from the row and the change alone: a live session
 * exists, so the collection is paid for in part or awaits payment, unless the new session is canceled
 * and every earlier one is too, which the current status (not_paid or canceled) tells. The
 * expressions read the row's latest version (an UPDATE re-reads a row another transaction changed
 * meanwhile), so concurrent changes to one collection add up instead of overwriting each other.
 */
export const ADD_TO_COLLECTION = collectionColumns(
  {
    noSessions: "false",
    allCanceled: "(change.canceled and c.status in ('not_paid', 'canceled'))",
    authorized: "(c.authorized_amount + change.authorized)",
    captured: "(c.captured_amount + change.captured)",
    amount: "c.amount",
  },
  "change.at",
)

const RECOMPUTE = `with target as (select ?::text as id, ?::timestamptz as at),
  sessions as (
    select count(*) as sessions, count(*) filter (where s.status = 'canceled') as canceled,
      coalesce(sum(s.amount) filter (where s.status = 'authorized'), 0) as authorized
    from payment_session s, target where s.payment_collection_id = target.id and s.deleted_at is null),
  moved as (
    select
      (select coalesce(sum(x.amount), 0) from capture x join payment p on p.id = x.payment_id
        where p.payment_collection_id = target.id and p.deleted_at is null and x.deleted_at is null) as captured,
      (select coalesce(sum(x.amount), 0) from refund x join payment p on p.id = x.payment_id
        where p.payment_collection_id = target.id and p.deleted_at is null and x.deleted_at is null) as refunded
    from target)
  update payment_collection c set ${collectionColumns(
    {
      noSessions: "sessions.sessions = 0",
      allCanceled: "sessions.canceled = sessions.sessions",
      authorized: "sessions.authorized",
      captured: "moved.captured",
      amount: "c.amount",
    },
    "target.at",
  )}, refunded_amount = trim_scale(moved.refunded)
  from target, sessions, moved where c.id = target.id`

/**
 * Recomputes a collection's totals and status from its sessions, captures and refunds; call it in a
 * transaction. The row is locked first, so the recount (a statement of its own, with a fresh view)
 * sees every change committed before it, and a change that comes later waits for the lock and
 * applies on top of it.
 */
export async function refreshCollection(database: Database, id: string): Promise<void> {
  await database.execute(`select id from payment_collection where id = ? for update`, [id])
  await database.execute(RECOMPUTE, [id, new Date().toISOString()])
}
