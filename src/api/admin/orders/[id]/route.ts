import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { retrieveOrder } from "../../../utils/read-orders.ts"

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  res.json({ order: await retrieveOrder(req.scope, id, req.queryConfig.fields) })
}
