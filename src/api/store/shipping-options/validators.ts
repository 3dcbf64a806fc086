import { z } from "zod"
import { booleanString } from "../../utils/query-filters.ts"

export const StoreGetShippingOptions = z
  .object({
    cart_id: z.string().min(1),
    is_return: booleanString().optional(),
    fields: z.string().optional(),
  })
  .strict()
export type StoreGetShippingOptions = z.infer<typeof StoreGetShippingOptions>
