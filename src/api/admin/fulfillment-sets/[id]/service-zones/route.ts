import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { retrieveEntity } from "../../../../../framework/http/index.ts"
import { createServiceZonesWorkflow } from "../../../../../workflows/fulfillment/index.ts"
import { checkFieldsReadable } from "../../../../utils/check-fields.ts"
import type { AdminCreateServiceZone } from "../../validators.ts"

/** Adds a service zone (the countries, provinces, cities or postal codes served) to a fulfillment set. */
export const POST = async (req: AgoraRequest<AdminCreateServiceZone>, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  checkFieldsReadable(req.scope, "fulfillment_set", req.queryConfig.fields)
  await createServiceZonesWorkflow(req.scope).run({ input: { data: [{ ...req.validatedBody, fulfillment_set_id: id }] } })
  const fulfillment_set = await retrieveEntity({
    entity: "fulfillment_set",
    label: "Fulfillment set",
    idOrFilter: id,
    scope: req.scope,
    fields: req.queryConfig.fields,
  })
  res.json({ fulfillment_set })
}
