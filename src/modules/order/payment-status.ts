import { money } from "../../framework/money/index.ts"
import type { Amount } from "../../framework/money/index.ts"

export type PaymentStatus =
  | "not_paid"
  | "awaiting"
  | "authorized"
  | "partially_authorized"
  | "captured"
  | "partially_captured"
  | "partially_refunded"
  | "refunded"
  | "canceled"
  | "requires_action"

/** What the payment module knows of one of the order's payment collections. */
export type PaymentCollectionSummary = {
  amount: Amount
  authorized_amount?: Amount | null
  captured_amount?: Amount | null
  refunded_amount?: Amount | null
  /** not_paid | awaiting | authorized | partially_authorized | canceled | failed | completed | ... */
  status: string
}

/**
 * An order's payment status from its payment collections, aggregated as Medusa does: a collection
 * captured (or refunded) in full counts 1, in part ½; the status is reached in full when the count
 * equals the collections that are not canceled.
 */
export function computePaymentStatus(collections: readonly PaymentCollectionSummary[]): PaymentStatus {
  let captured = 0
  let refunded = 0
  const byStatus = new Map<string, number>()
  for (const collection of collections) {
    captured += share(collection.captured_amount, collection.amount)
    refunded += share(collection.refunded_amount, collection.amount)
    byStatus.set(collection.status, (byStatus.get(collection.status) ?? 0) + 1)
  }
  const count = (status: string) => byStatus.get(status) ?? 0
  const active = collections.length - count("canceled")

  if (count("requires_action") > 0) return "requires_action"
  if (refunded > 0) return refunded === active ? "refunded" : "partially_refunded"
  if (captured > 0) return captured === active ? "captured" : "partially_captured"
  if (count("authorized") > 0) return count("authorized") === active ? "authorized" : "partially_authorized"
  if (count("canceled") > 0 && count("canceled") === collections.length) return "canceled"
  if (count("awaiting") > 0) return "awaiting"
  return "not_paid"
}

function share(part: Amount | null | undefined, whole: Amount): number {
  if (part === null || part === undefined || money.compare(part, 0) <= 0) return 0
  return money.compare(part, whole) === 0 ? 1 : 0.5
}
