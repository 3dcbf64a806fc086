import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"
import { dateFilter, oneOrMany } from "../../utils/query-filters.ts"

export const AdminGetPaymentParams = createSelectParams().strict()
export type AdminGetPaymentParams = z.infer<typeof AdminGetPaymentParams>

export const AdminGetPaymentsParams = createFindParams({ limit: 20 })
  .extend({
    q: z.string().optional(),
    id: oneOrMany.optional(),
    payment_session_id: oneOrMany.optional(),
    payment_collection_id: oneOrMany.optional(),
    created_at: dateFilter().optional(),
    updated_at: dateFilter().optional(),
  })
  .strict()
export type AdminGetPaymentsParams = z.infer<typeof AdminGetPaymentsParams>

export const AdminCapturePayment = z
  .object({ amount: z.number().positive().optional(), additional_data: z.record(z.string(), z.unknown()).optional() })
  .strict()
export type AdminCapturePayment = z.infer<typeof AdminCapturePayment>
