import { AgoraError } from "../../framework/errors/index.ts"
import type { OrderLineItemRow } from "./order-detail.ts"

export type FulfillmentItemInput = { line_item_id: string; quantity: number }
export type FulfillmentLine = { line: OrderLineItemRow; quantity: number }

/**
 * Which lines a new fulfilment takes and how many of each, checked against the order: every line must
 * be the order's, every quantity a positive whole number, and no line fulfilled beyond what was ordered.
 */
export function planFulfillment(
  orderId: string,
  lines: readonly OrderLineItemRow[],
  requested: readonly FulfillmentItemInput[],
): FulfillmentLine[] {
  if (!Array.isArray(requested) || requested.length === 0) {
    throw invalid("Fulfillment items are required: at least one { line_item_id, quantity }")
  }
  const wanted = new Map<string, number>()
  for (const item of requested) {
    const quantity = item.quantity
    if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < 1) {
      throw invalid(`Fulfillment quantity for item ${item.line_item_id} must be a positive whole number, got ${String(quantity)}`)
    }
    wanted.set(item.line_item_id, (wanted.get(item.line_item_id) ?? 0) + quantity)
  }
  const missing = [...wanted.keys()].filter((id) => !lines.some((line) => line.id === id))
  if (missing.length > 0) throw invalid(`Items with ids ${missing.join(", ")} do not exist in order with id ${orderId}`)

  return [...wanted].map(([id, quantity]) => {
    const line = lines.find((candidate) => candidate.id === id) as OrderLineItemRow
    const left = line.quantity - line.fulfilled_quantity
    if (quantity > left) {
      throw invalid(
        `Cannot fulfill more items than what was ordered for item ${line.id} (${line.title}): ${quantity} requested, ${left} left to fulfill`,
      )
    }
    return { line, quantity }
  })
}

function invalid(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.INVALID_DATA, message)
}
