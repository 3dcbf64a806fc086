import type { QueryConfigOptions } from "../../../framework/http/index.ts"

/** Medusa's store product field set (API.md §7). */
export const storeProductFields = [
  "id",
  "title",
  "subtitle",
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
  "*type",
  "*collection",
  "*options",
  "*options.values",
  "*tags",
  "*images",
  "*variants",
  "*variants.options",
]

export const retrieveStoreProductQueryConfig: QueryConfigOptions = { defaults: storeProductFields }

export const listStoreProductsQueryConfig: QueryConfigOptions = {
  ...retrieveStoreProductQueryConfig,
  isList: true,
  defaultLimit: 50,
  defaultOrder: "created_at",
}
