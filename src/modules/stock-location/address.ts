import { AgoraError } from "../../framework/errors/index.ts"
import type { StockLocationAddressInput } from "./types.ts"

const REQUIRED = ["address_1", "country_code"] as const

/** A new address: address_1 and country_code required, the country code lowercased. */
export function newAddress(address: Partial<StockLocationAddressInput>, where: string): StockLocationAddressInput {
  return {
    ...address,
    address_1: requireText(address.address_1, `address.address_1 of ${where}`),
    country_code: requireText(address.country_code, `address.country_code of ${where}`).trim().toLowerCase(),
  }
}

/** Changes to an address: a field given must not be emptied when it is required. */
export function addressChanges(
  changes: Partial<StockLocationAddressInput>,
  where: string,
): Partial<StockLocationAddressInput> {
  for (const field of REQUIRED) {
    if (changes[field] !== undefined) requireText(changes[field], `address.${field} of ${where}`)
  }
  const { country_code } = changes
  return typeof country_code === "string" ? { ...changes, country_code: country_code.trim().toLowerCase() } : changes
}

/** A location's name, trimmed; invalid_data when blank. */
export function locationName(name: unknown, where: string): string {
  return requireText(name, `name of ${where}`).trim()
}

function requireText(value: unknown, field: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `${field} is required`)
  }
  return value
}
