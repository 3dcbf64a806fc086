import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const adminProductVariantFields = [
  "id",
  "product_id",
  "title",
  "sku",
  "allow_backorder",
  "manage_inventory",
  "hs_code",
  "origin_country",
  "mid_code",
  "material",
  "weight",
  "length",
  "height",
  "width",
  "created_at",
  "updated_at",
  "deleted_at",
  "metadata",
  "variant_rank",
  "ean",
  "upc",
  "barcode",
  "*prices",
  "prices.price_rules.attribute",
  "prices.price_rules.value",
  "*options",
]

export const adminProductFields = [
  "id",
  "title",
  "subtitle",
  "status",
  "external_id",
  "description",
  "handle",
  "is_giftcard",
  "discountable",
  "thumbnail",
  "collection_id",
  "type_id",
  "weight",
  "length",
  "height",
  "width",
  "hs_code",
  "origin_country",
  "mid_code",
  "material",
  "created_at",
  "updated_at",
  "deleted_at",
  "metadata",
  "*type",
  "*collection",
  "*options",
  "*options.values",
  "*tags",
  "*images",
  "*variants",
  "*variants.prices",
  "variants.prices.price_rules.attribute",
  "variants.prices.price_rules.value",
  "*variants.options",
  "*sales_channels",
]

export const retrieveProductQueryConfig: QueryConfigOptions = { defaults: adminProductFields }

export const listProductsQueryConfig: QueryConfigOptions = {
  ...retrieveProductQueryConfig,
  isList: true,
  defaultLimit: 50,
  defaultOrder: "created_at",
}

export const retrieveVariantQueryConfig: QueryConfigOptions = { defaults: adminProductVariantFields }

export const listVariantsQueryConfig: QueryConfigOptions = {
  ...retrieveVariantQueryConfig,
  isList: true,
  defaultLimit: 50,
  defaultOrder: "created_at",
}
