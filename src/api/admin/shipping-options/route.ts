import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import { createShippingOptionsWorkflow } from "../../../workflows/fulfillment/index.ts"
import { checkShippingOptionFields, readShippingOptions, retrieveShippingOption, shippingOptionFilters } from "./helpers.ts"
import type { AdminCreateShippingOption, AdminGetShippingOptionsParams } from "./validators.ts"

export const GET = async (req: AgoraRequest<unknown, AdminGetShippingOptionsParams>, res: AgoraResponse) => {
  const { options, count, skip, take } = await readShippingOptions(req.scope, {
    filters: shippingOptionFilters(req.filterableFields),
    fields: req.queryConfig.fields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ shipping_options: options, count, offset: skip, limit: take })
}

/**
 * Creates a shipping option in a service zone, with its type, rules and prices; its provider must be
 * one the zone's stock location ships through.
 */
export const POST = async (req: AgoraRequest<AdminCreateShippingOption>, res: AgoraResponse) => {
  checkShippingOptionFields(req.scope, req.queryConfig.fields)
  const { result } = await createShippingOptionsWorkflow(req.scope).run({ input: { shipping_options: [req.validatedBody] } })
  res.json({ shipping_option: await retrieveShippingOption(req.scope, result[0]!.id, req.queryConfig.fields) })
}
