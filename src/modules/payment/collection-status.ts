import type { Database } from "../../framework/database/index.ts"
import { money } from "../../framework/money/index.ts"
import type { Amount } from "../../framework/money/index.ts"
import type { PaymentCollectionStatus } from "./models/payment-collection.ts"

export type CollectionTotals = {
  amount: Amount
  sessions: number
  canceled_sessions: number
  /** Sum of the amounts of authorized sessions. */
  authorized: Amount
  captured: Amount
}

/** A collection's status from its sessions and captures, as Medusa derives it. */
export function collectionStatus(totals: CollectionTotals): PaymentCollectionStatus {
  if (totals.sessions === 0) return "not_paid"
  if (totals.canceled_sessions === totals.sessions) return "canceled"
  if (money.compare(totals.captured, 0) > 0 && money.compare(totals.captured, totals.amount) >= 0) return "completed"
  if (money.compare(totals.authorized, 0) > 0) {
    return money.compare(totals.authorized, totals.amount) >= 0 ? "authorized" : "partially_authorized"
  }
  return "awaiting"
}

type CollectionTotalsRow = CollectionTotals & {
  amount: string
  authorized: string
  captured: string
  refunded: string
  completed_at: Date | null
}

/** Counts and sums behind a collection's status, with when it was completed, in one query. */
export async function readCollectionTotals(
  database: Database,
  id: string,
): Promise<CollectionTotalsRow | undefined> {
  const [totals] = await database.execute<CollectionTotalsRow>(
    `select c.amount, c.completed_at,
      (select count(*)::int from payment_session s where s.payment_collection_id = c.id and s.deleted_at is null) as sessions,
      (select count(*)::int from payment_session s
        where s.payment_collection_id = c.id and s.deleted_at is null and s.status = 'canceled') as canceled_sessions,
      (select coalesce(sum(s.amount), 0) from payment_session s
        where s.payment_collection_id = c.id and s.deleted_at is null and s.status = 'authorized') as authorized,
      (select coalesce(sum(x.amount), 0) from capture x join payment p on p.id = x.payment_id
        where p.payment_collection_id = c.id and p.deleted_at is null and x.deleted_at is null) as captured,
      (select coalesce(sum(x.amount), 0) from refund x join payment p on p.id = x.payment_id
        where p.payment_collection_id = c.id and p.deleted_at is null and x.deleted_at is null) as refunded
    from payment_collection c where c.id = ?`,
    [id],
  )
  return totals
}
