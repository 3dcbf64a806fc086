import { z } from "zod"
import { createFindParams } from "../../../framework/http/index.ts"

export const StoreGetPaymentProvidersParams = createFindParams({ limit: 20 })
  .extend({ region_id: z.string().min(1) })
  .strict()
export type StoreGetPaymentProvidersParams = z.infer<typeof StoreGetPaymentProvidersParams>
