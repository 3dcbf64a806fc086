import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { retrieveEntity } from "../../../../framework/http/index.ts"

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  const region = await retrieveEntity({ entity: "region", idOrFilter: id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ region })
}
