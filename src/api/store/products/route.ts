import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import { readStoreProducts } from "./read-store-products.ts"
import type { StoreGetProductsParams } from "./validators.ts"

export const GET = async (req: AgoraRequest<unknown, StoreGetProductsParams>, res: AgoraResponse) => {
  const { pagination } = req.queryConfig
  const { products, count } = await readStoreProducts({
    scope: req.scope,
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination,
    salesChannelIds: req.filterableFields.sales_channel_id as string[],
    pricing: req.validatedQuery,
  })
  res.json({ products, count, offset: pagination.skip, limit: pagination.take })
}
