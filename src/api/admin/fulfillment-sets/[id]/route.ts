import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { deleteFulfillmentSetsWorkflow } from "../../../../workflows/fulfillment/index.ts"

/** Deletes a fulfillment set with its service zones and their shipping options. */
export const DELETE = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  await deleteFulfillmentSetsWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "fulfillment_set", deleted: true })
}
