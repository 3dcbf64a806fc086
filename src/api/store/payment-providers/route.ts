import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import type { StoreGetPaymentProvidersParams } from "./validators.ts"

/** The enabled payment providers a region offers (region ↔ payment provider link). */
export const GET = async (req: AgoraRequest<unknown, StoreGetPaymentProvidersParams>, res: AgoraResponse) => {
  const { data: payment_providers, metadata } = await req.scope.resolve<Query>("query").graph({
    entity: "payment_provider",
    fields: req.queryConfig.fields,
    filters: { regions: { id: req.validatedQuery.region_id }, is_enabled: true },
    pagination: req.queryConfig.pagination,
  })
  res.json({ payment_providers, count: metadata.count, offset: metadata.skip, limit: metadata.take })
}
