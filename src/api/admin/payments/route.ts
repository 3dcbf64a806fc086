import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import { readPayments } from "./payment-response.ts"
import type { AdminGetPaymentsParams } from "./validators.ts"

export const GET = async (req: AgoraRequest<unknown, AdminGetPaymentsParams>, res: AgoraResponse) => {
  const { payments, count, skip, take } = await readPayments(req.scope, {
    fields: req.queryConfig.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ payments, count, offset: skip, limit: take })
}
