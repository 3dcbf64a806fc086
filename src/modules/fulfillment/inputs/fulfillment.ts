import type { CreateFulfillmentInput } from "../types.ts"
import { invalid, requireText } from "./invalid.ts"

/** Checks a new fulfillment's location, provider and items; returns the provider id. */
export function checkFulfillment(input: CreateFulfillmentInput): string {
  requireText(input.location_id, "location_id")
  const providerId = requireText(input.provider_id, "provider_id")
  if (!Array.isArray(input.items) || input.items.length === 0) throw invalid("items", "must hold at least one item")
  input.items.forEach((item, i) => {
    requireText(item.title, `items[${i}].title`)
    if (!Number.isInteger(item.quantity) || item.quantity <= 0) throw invalid(`items[${i}].quantity`, "must be a positive whole number")
  })
  return providerId
}
