import { z } from "zod"
import { createSelectParams } from "../../../framework/http/index.ts"

export const StoreGetPaymentCollectionParams = createSelectParams().strict()
export type StoreGetPaymentCollectionParams = z.infer<typeof StoreGetPaymentCollectionParams>

export const StoreCreatePaymentCollection = z.object({ cart_id: z.string().min(1) }).strict()
export type StoreCreatePaymentCollection = z.infer<typeof StoreCreatePaymentCollection>

export const StoreInitializePaymentSession = z
  .object({
    provider_id: z.string().min(1),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
export type StoreInitializePaymentSession = z.infer<typeof StoreInitializePaymentSession>
