import { z } from "zod"
import { createFindParams } from "../../../framework/http/index.ts"
import { booleanString, oneOrMany } from "../../utils/query-filters.ts"

export const AdminGetFulfillmentProvidersParams = createFindParams({ limit: 20 })
  .extend({
    q: z.string().optional(),
    id: oneOrMany.optional(),
    is_enabled: booleanString().optional(),
    /** The providers these stock locations ship through. */
    stock_location_id: oneOrMany.optional(),
  })
  .strict()
export type AdminGetFulfillmentProvidersParams = z.infer<typeof AdminGetFulfillmentProvidersParams>
