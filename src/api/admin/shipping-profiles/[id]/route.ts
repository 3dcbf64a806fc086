import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { retrieveEntity } from "../../../../framework/http/index.ts"
import { deleteShippingProfilesWorkflow } from "../../../../workflows/fulfillment/index.ts"

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  const shipping_profile = await retrieveEntity({ entity: "shipping_profile", label: "Shipping profile", idOrFilter: id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ shipping_profile })
}

/** Deletes a profile that no shipping option uses (400 otherwise). */
export const DELETE = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  await deleteShippingProfilesWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "shipping_profile", deleted: true })
}
