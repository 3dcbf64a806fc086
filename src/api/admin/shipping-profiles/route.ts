import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import { retrieveEntity } from "../../../framework/http/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createShippingProfilesWorkflow } from "../../../workflows/fulfillment/index.ts"
import { checkFieldsReadable } from "../../utils/check-fields.ts"
import type { AdminCreateShippingProfile, AdminGetShippingProfilesParams } from "./validators.ts"

export const GET = async (req: AgoraRequest<unknown, AdminGetShippingProfilesParams>, res: AgoraResponse) => {
  const { data: shipping_profiles, metadata } = await req.scope.resolve<Query>("query").graph({
    entity: "shipping_profile",
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ shipping_profiles, count: metadata.count, offset: metadata.skip, limit: metadata.take })
}

export const POST = async (req: AgoraRequest<AdminCreateShippingProfile>, res: AgoraResponse) => {
  checkFieldsReadable(req.scope, "shipping_profile", req.queryConfig.fields)
  const { result } = await createShippingProfilesWorkflow(req.scope).run({ input: { data: [req.validatedBody] } })
  const shipping_profile = await retrieveEntity({
    entity: "shipping_profile",
    label: "Shipping profile",
    idOrFilter: result[0]!.id,
    scope: req.scope,
    fields: req.queryConfig.fields,
  })
  res.json({ shipping_profile })
}
