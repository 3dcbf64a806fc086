import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { retrieveInventoryItem } from "../helpers.ts"

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  res.json({ inventory_item: await retrieveInventoryItem(req.scope, id, req.queryConfig.fields) })
}
