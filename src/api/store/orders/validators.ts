import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"
import { oneOrMany } from "../../utils/query-filters.ts"

const orderStatus = z.enum(["pending", "completed", "archived", "canceled", "requires_action"])

export const StoreGetOrderParams = createSelectParams().strict()
export type StoreGetOrderParams = z.infer<typeof StoreGetOrderParams>

export const StoreGetOrdersParams = createFindParams({ limit: 50 })
  .extend({ id: oneOrMany.optional(), status: z.union([orderStatus, z.array(orderStatus)]).optional() })
  .strict()
export type StoreGetOrdersParams = z.infer<typeof StoreGetOrdersParams>
