import type { Database } from "../../framework/database/index.ts"

/** What checking a variant's options needs of its product: options with values, variants with chosen values. */
export type ProductOptionsSnapshot = {
  id: string
  options: { id: string; title: string; values: { id: string; value: string }[] }[]
  variants: { id: string; title: string; value_ids: string[] }[]
}

/**
 * The products' options and variants in one query. Read with SQL rather than through loaded
 * relations: those may be stale in a unit of work that created some of the rows moments ago.
 */
export async function loadProductOptions(database: Database, productIds: string[]): Promise<Map<string, ProductOptionsSnapshot>> {
  if (productIds.length === 0) return new Map()
  const rows = await database.execute<ProductOptionsSnapshot>(
    `select p.id,
       coalesce((
         select json_agg(json_build_object('id', o.id, 'title', o.title, 'values', coalesce((
           select json_agg(json_build_object('id', ov.id, 'value', ov.value) order by ov.id)
           from product_option_value ov where ov.option_id = o.id and ov.deleted_at is null
         ), '[]'::json)) order by o.id)
         from product_option o where o.product_id = p.id and o.deleted_at is null
       ), '[]'::json) as options,
       coalesce((
         select json_agg(json_build_object('id', v.id, 'title', v.title, 'value_ids', coalesce((
           select json_agg(pvo.product_option_value_id) from product_variant_option pvo where pvo.product_variant_id = v.id
         ), '[]'::json)) order by v.id)
         from product_variant v where v.product_id = p.id and v.deleted_at is null
       ), '[]'::json) as variants
     from product p
     where p.id in (${productIds.map(() => "?").join(", ")}) and p.deleted_at is null`,
    productIds,
  )
  return new Map(rows.map((row) => [row.id, row]))
}
