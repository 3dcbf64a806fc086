// The baseline for the store products benchmark: fastify + a pg pool answering
// GET /store/products?limit=&offset=&region_id= with the same JSON as Agora's route (its default
// fields, variants with their options and calculated price for the region) from ONE statement:
// the publishable key's sales channels, the region's currency, the page, its count and every
// nested array are worked out by PostgreSQL (json_agg). No container, ORM, validation or guard;
// an unknown key or region gives an empty page, not an error.
import Fastify from "fastify"
import pg from "pg"

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 })
const app = Fastify()

// The value columns of an option value, as Query's `*` reads them.
const optionValue = (alias: string) =>
  `json_build_object('id', ${alias}."id", 'value', ${alias}."value", 'metadata', ${alias}."metadata", 'option_id', ${alias}."option_id",
    'created_at', ${alias}."created_at", 'updated_at', ${alias}."updated_at", 'deleted_at', ${alias}."deleted_at")`

// The best price of a price set for the region, as the pricing module chooses it: in the region's
// currency, every rule of the price matching the context (only region_id here), quantity 1; the
// price matching the most rules wins, then the lower amount.
const CALCULATED_PRICE = `(
  select json_build_object(
    'id', vps."price_set_id", 'currency_code', best."currency_code",
    'calculated_amount', best."amount", 'original_amount', best."amount",
    'calculated_amount_with_tax', best."amount", 'calculated_amount_without_tax', best."amount",
    'original_amount_with_tax', best."amount", 'original_amount_without_tax', best."amount",
    'is_calculated_price_tax_inclusive', false, 'is_original_price_tax_inclusive', false,
    'is_calculated_price_price_list', false, 'is_original_price_price_list', false,
    'calculated_price', json_build_object('id', best."id", 'price_list_id', null, 'price_list_type', null,
      'min_quantity', best."min_quantity", 'max_quantity', best."max_quantity"),
    'original_price', json_build_object('id', best."id", 'price_list_id', null, 'price_list_type', null,
      'min_quantity', best."min_quantity", 'max_quantity', best."max_quantity"))
  from "product_variant_price_set" vps
  cross join lateral (
    select pr."id", pr."currency_code", pr."amount", pr."min_quantity", pr."max_quantity"
    from "price" pr
    left join "price_rule" rule on rule."price_id" = pr."id" and rule."deleted_at" is null
    where pr."price_set_id" = vps."price_set_id" and pr."deleted_at" is null
      and pr."currency_code" = (select "currency_code" from region)
      and (pr."min_quantity" is null or pr."min_quantity" <= 1)
    group by pr."id"
    having bool_and(rule."id" is null or (rule."attribute" = 'region_id' and rule."value" = (select "id" from region)))
    order by count(rule."id") desc, pr."amount" asc, pr."id" asc
    limit 1
  ) best
  where vps."product_variant_id" = v."id" and vps."deleted_at" is null
  limit 1)`

const LIST_PRODUCTS = `
with channels as (
  select kc."sales_channel_id" from "api_key" k
  join "publishable_api_key_sales_channel" kc on kc."api_key_id" = k."id" and kc."deleted_at" is null
  where k."token" = $1 and k."type" = 'publishable' and k."deleted_at" is null and (k."revoked_at" is null or k."revoked_at" > now())
),
region as (select "id", "currency_code" from "region" where "id" = $2 and "deleted_at" is null),
matching as (
  select p.* from "product" p
  where p."deleted_at" is null and p."status" = 'published'
    and exists (select 1 from "product_sales_channel" ps
      where ps."product_id" = p."id" and ps."deleted_at" is null and ps."sales_channel_id" in (select "sales_channel_id" from channels))
),
page as (select * from matching order by "created_at" asc, "id" asc limit $3 offset $4)
select json_build_object(
  'products', coalesce((
    select json_agg(json_build_object(
      'id', p."id", 'title', p."title", 'subtitle', p."subtitle", 'description', p."description", 'handle', p."handle",
      'is_giftcard', p."is_giftcard", 'discountable', p."discountable", 'thumbnail', p."thumbnail",
      'weight', p."weight", 'length', p."length", 'height', p."height", 'width', p."width", 'hs_code', p."hs_code",
      'origin_country', p."origin_country", 'mid_code', p."mid_code", 'material', p."material",
      'created_at', p."created_at", 'updated_at', p."updated_at",
      'options', (
        select coalesce(json_agg(json_build_object(
          'id', o."id", 'title', o."title", 'metadata', o."metadata", 'product_id', o."product_id",
          'created_at', o."created_at", 'updated_at', o."updated_at", 'deleted_at', o."deleted_at",
          'values', (select coalesce(json_agg(${optionValue("ov")} order by ov."id"), '[]'::json)
            from "product_option_value" ov where ov."option_id" = o."id" and ov."deleted_at" is null)
        ) order by o."id"), '[]'::json)
        from "product_option" o where o."product_id" = p."id" and o."deleted_at" is null),
      'variants', (
        select coalesce(json_agg(json_build_object(
          'id', v."id", 'title', v."title", 'sku', v."sku", 'barcode', v."barcode", 'ean', v."ean", 'upc', v."upc",
          'allow_backorder', v."allow_backorder", 'manage_inventory', v."manage_inventory", 'variant_rank', v."variant_rank",
          'weight', v."weight", 'length', v."length", 'height', v."height", 'width', v."width", 'hs_code', v."hs_code",
          'origin_country', v."origin_country", 'mid_code', v."mid_code", 'material', v."material", 'metadata', v."metadata",
          'product_id', v."product_id", 'created_at', v."created_at", 'updated_at', v."updated_at", 'deleted_at', v."deleted_at",
          'options', (select coalesce(json_agg(${optionValue("vo")} order by vo."id"), '[]'::json)
            from "product_option_value" vo join "product_variant_option" pvo on pvo."product_option_value_id" = vo."id"
            where pvo."product_variant_id" = v."id" and vo."deleted_at" is null),
          'calculated_price', ${CALCULATED_PRICE}
        ) order by v."variant_rank", v."id"), '[]'::json)
        from "product_variant" v where v."product_id" = p."id" and v."deleted_at" is null),
      'collection_id', null, 'type_id', null, 'type', null, 'collection', null, 'tags', '[]'::json, 'images', '[]'::json
    ) order by p."created_at", p."id")
    from page p), '[]'::json),
  'count', (select count(*) from matching),
  'offset', $4::integer,
  'limit', $3::integer
) as "body"`

app.get("/store/products", async (request) => {
  const query = request.query as { limit?: string; offset?: string; region_id?: string }
  const key = request.headers["x-publishable-api-key"]
  const { rows } = await pool.query(LIST_PRODUCTS, [key, query.region_id ?? null, Number(query.limit ?? 50), Number(query.offset ?? 0)])
  return rows[0].body
})
app.get("/health", async () => "OK")

await app.listen({ port: Number(process.env.PORT ?? 9104), host: "127.0.0.1" })
process.on("SIGTERM", async () => {
  await app.close()
  await pool.end()
  process.exit(0)
})
