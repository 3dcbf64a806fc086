/**
 * A cart's addresses set in ONE statement: the cart row locked, the new addresses inserted, the
 * cart pointed at them and the addresses they replace deleted. Foreign keys are checked at the
 * statement's end, when the cart points at rows that exist.
 */
import { generateId } from "../../framework/modules/index.ts"
import type { CartAddressInput } from "./inputs.ts"

/** For each key given: the new address, or null to remove it. */
export type AddressChanges = Partial<Record<"shipping_address" | "billing_address", CartAddressInput | null>>

const TEXT_COLUMNS = [
  "first_name", "last_name", "company", "address_1", "address_2", "city", "postal_code", "country_code", "province", "phone",
] as const
const INSERTED_COLUMNS = ["id", ...TEXT_COLUMNS, "metadata", "created_at", "updated_at"].map((column) => `"${column}"`).join(", ")
const INSERTED_VALUES = `?, ${TEXT_COLUMNS.map(() => "?::text").join(", ")}, ?::jsonb, ?::timestamptz, ?::timestamptz`

/** Answers one row, `found`: false when there is no such cart (and then nothing was written). */
export function setAddressesSql(cartId: string, changes: AddressChanges, now: Date): { sql: string; params: unknown[] } {
  const at = now.toISOString()
  const ctes = [`"target" as (select c."id", c."shipping_address_id", c."billing_address_id" from "cart" c
    where c."id" = ? and c."deleted_at" is null for update)`]
  const insertParams: unknown[] = [cartId]
  const sets: string[] = []
  const setParams: unknown[] = []
  const replaced: string[] = []
  for (const key of ["shipping_address", "billing_address"] as const) {
    const address = changes[key]
    if (address === undefined) continue
    replaced.push(`t."${key}_id"`)
    if (address === null) {
      sets.push(`"${key}_id" = null`)
      continue
    }
    const id = generateId("caaddr")
    ctes.push(`"new_${key}" as (insert into "cart_address" (${INSERTED_COLUMNS}) select ${INSERTED_VALUES} from "target")`)
    const metadata = address.metadata == null ? null : JSON.stringify(address.metadata)
    insertParams.push(id, ...TEXT_COLUMNS.map((column) => address[column] ?? null), metadata, at, at)
    sets.push(`"${key}_id" = ?`)
    setParams.push(id)
  }
  ctes.push(`"pointed" as (update "cart" c set ${[...sets, `"updated_at" = ?::timestamptz`].join(", ")} from "target" t where c."id" = t."id")`)
  ctes.push(`"removed" as (delete from "cart_address" a using "target" t where a."id" in (${replaced.join(", ")}))`)
  return {
    sql: `with ${ctes.join(",\n  ")}\nselect exists (select 1 from "target") as "found"`,
    params: [...insertParams, ...setParams, at],
  }
}
