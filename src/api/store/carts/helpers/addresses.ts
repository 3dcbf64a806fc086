import { AgoraError } from "../../../../framework/errors/index.ts"
import type { AgoraRequest } from "../../../../framework/http/index.ts"
import type { Query } from "../../../../framework/modules/index.ts"
import type { CartAddressInput } from "../../../../modules/cart/index.ts"
import type { StoreCartAddress } from "../validators.ts"
import { customerIdOf } from "./cart-access.ts"

const ADDRESS_COLUMNS = [
  "first_name", "last_name", "company", "address_1", "address_2", "city", "postal_code",
  "country_code", "province", "phone", "metadata",
] as const

/**
 * A cart address from the body: an inline address (its `id`, if repeated, dropped), or the id of
 * one of the signed-in customer's saved addresses, copied (not_found when it is not theirs).
 * `undefined` leaves the cart's address alone, `null` removes it.
 */
export async function cartAddressInput(
  req: Pick<AgoraRequest, "auth_context" | "scope">,
  address: string | (StoreCartAddress & { id?: string }) | null | undefined,
): Promise<CartAddressInput | null | undefined> {
  if (address === undefined || address === null) return address
  if (typeof address !== "string") {
    const { id: _id, ...values } = address
    return values
  }
  const customerId = customerIdOf(req)
  const { data } = customerId
    ? await req.scope.resolve<Query>("query").graph<Record<string, unknown>>({
        entity: "customer_address",
        fields: [...ADDRESS_COLUMNS],
        filters: { id: address, customer_id: customerId },
      })
    : { data: [] }
  const saved = data[0]
  if (!saved) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Customer address with id: ${address} was not found`)
  return Object.fromEntries(ADDRESS_COLUMNS.map((column) => [column, saved[column] ?? null])) as CartAddressInput
}
