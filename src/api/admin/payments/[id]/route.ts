import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { retrievePayment } from "../payment-response.ts"

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  res.json({ payment: await retrievePayment(req.scope, id, req.queryConfig.fields) })
}
