import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"

export const AdminCreateBrand = z
  .object({ name: z.string().trim().min(1), description: z.string().nullish() })
  .strict()
export type AdminCreateBrand = z.infer<typeof AdminCreateBrand>

export const AdminUpdateBrand = z
  .object({ name: z.string().trim().min(1).optional(), description: z.string().nullish() })
  .strict()
export type AdminUpdateBrand = z.infer<typeof AdminUpdateBrand>

export const AdminGetBrandParams = createSelectParams().strict()
export type AdminGetBrandParams = z.infer<typeof AdminGetBrandParams>

export const AdminGetBrandsParams = createFindParams({ limit: 20 })
  .extend({
    q: z.string().optional(),
    id: z.union([z.string(), z.array(z.string())]).optional(),
    name: z.union([z.string(), z.array(z.string())]).optional(),
  })
  .strict()
export type AdminGetBrandsParams = z.infer<typeof AdminGetBrandsParams>
