import { AgoraError } from "../../../../framework/errors/index.ts"
import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { readStoreProducts } from "../read-store-products.ts"
import type { StoreGetProductParams } from "../validators.ts"

export const GET = async (req: AgoraRequest<unknown, StoreGetProductParams>, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  const { products } = await readStoreProducts({
    scope: req.scope,
    fields: req.queryConfig.fields,
    filters: { ...req.filterableFields, id },
    pagination: { take: 1 },
    salesChannelIds: req.filterableFields.sales_channel_id as string[],
    pricing: req.validatedQuery,
  })
  const product = products[0]
  if (!product) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Product with id: ${id} was not found`)
  res.json({ product })
}
