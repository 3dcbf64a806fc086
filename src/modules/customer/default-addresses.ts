import type { Database } from "../../framework/database/index.ts"
import { AgoraError } from "../../framework/errors/index.ts"

export type DefaultFlags = { id?: string; customer_id: string; is_default_shipping?: boolean; is_default_billing?: boolean }

const FLAGS = [
  ["is_default_shipping", "default shipping address"],
  ["is_default_billing", "default billing address"],
] as const

/**
 * One call may make at most one address of a customer its default shipping, and one its default billing.
 * `customer_id` is empty for the addresses of a customer being created.
 */
export function checkOneDefaultEach(items: DefaultFlags[]): void {
  for (const [flag, label] of FLAGS) {
    const seen = new Set<string>()
    for (const item of items) {
      if (item[flag] !== true) continue
      if (seen.has(item.customer_id)) {
        throw new AgoraError(
          AgoraError.Types.INVALID_DATA,
          `CustomerAddress: ${flag}: ${item.customer_id ? `customer ${item.customer_id}` : "a new customer"} can have only one ${label}`,
        )
      }
      seen.add(item.customer_id)
    }
  }
}

/**
 * Locks the customers whose addresses change, in id order so that two calls cannot deadlock, so that
 * concurrent changes of one customer's defaults run one after the other. Throws for a missing customer.
 */
export async function lockCustomers(database: Database, customerIds: string[]): Promise<void> {
  const ids = [...new Set(customerIds)].sort()
  if (ids.length === 0) return
  const found = await database.execute<{ id: string }>(
    `select "id" from "customer" where "id" in (${ids.map(() => "?").join(", ")}) and "deleted_at" is null order by "id" for update`,
    ids,
  )
  const missing = ids.filter((id) => !found.some((row) => row.id === id))
  if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Customer with id: ${missing.join(", ")} was not found`)
}

/** Clears the defaults that the given addresses take over, leaving those addresses themselves alone. */
export async function unsetReplacedDefaults(database: Database, items: DefaultFlags[]): Promise<void> {
  const keep = items.flatMap((item) => (item.id ? [item.id] : []))
  for (const [flag] of FLAGS) {
    const customers = [...new Set(items.filter((item) => item[flag] === true).map((item) => item.customer_id))]
    if (customers.length === 0) continue
    const except = keep.length > 0 ? ` and "id" not in (${keep.map(() => "?").join(", ")})` : ""
    await database.execute(
      `update "customer_address" set "${flag}" = false, "updated_at" = now()
       where "customer_id" in (${customers.map(() => "?").join(", ")}) and "${flag}" and "deleted_at" is null${except} returning "id"`,
      [...customers, ...keep],
    )
  }
}
