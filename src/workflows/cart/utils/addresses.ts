import { AgoraError } from "../../../framework/errors/index.ts"
import type { CartAddress, CartAddressInput } from "../../../modules/cart/index.ts"
import type { RegionForCart } from "./types.ts"

const ADDRESS_FIELDS = [
  "first_name", "last_name", "company", "address_1", "address_2", "city", "postal_code",
  "country_code", "province", "phone", "metadata",
] as const

/** The values of a stored address, as an address input (no id, no timestamps). */
export function addressValues(address: CartAddress | null): CartAddressInput | null {
  if (!address) return null
  const values: Record<string, unknown> = {}
  for (const field of ADDRESS_FIELDS) values[field] = address[field]
  return values as CartAddressInput
}

/** The address with its country lowercased; invalid_data when the country is not one of the region's. */
export function inRegion(address: CartAddressInput, region: RegionForCart): CartAddressInput {
  const code = address.country_code
  if (code === undefined || code === null || code === "") return address
  const normalized = String(code).toLowerCase()
  if (!region.countries.includes(normalized)) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `Country with code ${normalized} is not within region ${region.name}`)
  }
  return { ...address, country_code: normalized }
}
