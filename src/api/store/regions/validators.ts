import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"

const oneOrMany = z.union([z.string(), z.array(z.string())])

export const StoreGetRegionParams = createSelectParams().strict()
export type StoreGetRegionParams = z.infer<typeof StoreGetRegionParams>

export const StoreGetRegionsParams = createFindParams({ limit: 50 })
  .extend({ q: z.string().optional(), id: oneOrMany.optional(), name: oneOrMany.optional(), currency_code: oneOrMany.optional() })
  .strict()
export type StoreGetRegionsParams = z.infer<typeof StoreGetRegionsParams>
