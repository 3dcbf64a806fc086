import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import { retrieveEntity } from "../../../framework/http/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createSalesChannelsWorkflow } from "../../../workflows/sales-channel/index.ts"
import { checkFieldsReadable } from "../../utils/check-fields.ts"
import type { AdminCreateSalesChannel, AdminGetSalesChannelsParams } from "./validators.ts"

export const GET = async (req: AgoraRequest<unknown, AdminGetSalesChannelsParams>, res: AgoraResponse) => {
  // Medusa's link filters, as Query's relation filters.
  const { location_id, publishable_key_id, ...filters } = req.filterableFields
  const { data: sales_channels, metadata } = await req.scope.resolve<Query>("query").graph({
    entity: "sales_channel",
    fields: req.queryConfig.fields,
    filters: {
      ...filters,
      ...(location_id === undefined ? {} : { stock_locations: { id: location_id } }),
      ...(publishable_key_id === undefined ? {} : { api_keys: { id: publishable_key_id } }),
    },
    pagination: req.queryConfig.pagination,
  })
  res.json({ sales_channels, count: metadata.count, offset: metadata.skip, limit: metadata.take })
}

export const POST = async (req: AgoraRequest<AdminCreateSalesChannel>, res: AgoraResponse) => {
  checkFieldsReadable(req.scope, "sales_channel", req.queryConfig.fields)
  const { result } = await createSalesChannelsWorkflow(req.scope).run({ input: { salesChannelsData: [req.validatedBody] } })
  const sales_channel = await retrieveEntity({ entity: "sales_channel", label: "Sales channel", idOrFilter: result[0]!.id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ sales_channel })
}
