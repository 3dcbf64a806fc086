import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { deleteShippingOptionsWorkflow, updateShippingOptionsWorkflow } from "../../../../workflows/fulfillment/index.ts"
import { checkShippingOptionFields, retrieveShippingOption } from "../helpers.ts"
import type { AdminUpdateShippingOption } from "../validators.ts"

type ShippingOptionParams = { id: string }

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as ShippingOptionParams
  res.json({ shipping_option: await retrieveShippingOption(req.scope, id, req.queryConfig.fields) })
}

/** Updates an option; `prices` and `rules`, when sent, are its whole lists (entries with an `id` change that entry). */
export const POST = async (req: AgoraRequest<AdminUpdateShippingOption>, res: AgoraResponse) => {
  const { id } = req.params as ShippingOptionParams
  await retrieveShippingOption(req.scope, id, ["id"])
  checkShippingOptionFields(req.scope, req.queryConfig.fields)
  await updateShippingOptionsWorkflow(req.scope).run({ input: { shipping_options: [{ ...req.validatedBody, id }] } })
  res.json({ shipping_option: await retrieveShippingOption(req.scope, id, req.queryConfig.fields) })
}

export const DELETE = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as ShippingOptionParams
  await deleteShippingOptionsWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "shipping_option", deleted: true })
}
