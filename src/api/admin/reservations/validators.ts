import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"
import { dateFilter, numberFilter, oneOrMany } from "../../utils/query-filters.ts"

export const AdminGetReservationParams = createSelectParams().strict()
export type AdminGetReservationParams = z.infer<typeof AdminGetReservationParams>

export const AdminGetReservationsParams = createFindParams({ limit: 20 })
  .extend({
    q: z.string().optional(),
    id: oneOrMany.optional(),
    location_id: oneOrMany.optional(),
    inventory_item_id: oneOrMany.optional(),
    line_item_id: oneOrMany.optional(),
    created_by: oneOrMany.optional(),
    description: z.union([z.string(), z.object({ $like: z.string().optional(), $ilike: z.string().optional() }).strict()]).optional(),
    quantity: numberFilter().optional(),
    created_at: dateFilter().optional(),
    updated_at: dateFilter().optional(),
    deleted_at: dateFilter().optional(),
  })
  .strict()
export type AdminGetReservationsParams = z.infer<typeof AdminGetReservationsParams>

const metadata = z.record(z.string(), z.unknown()).nullish()

export const AdminCreateReservation = z
  .object({
    line_item_id: z.string().nullish(),
    location_id: z.string().min(1),
    inventory_item_id: z.string().min(1),
    quantity: z.number().int().min(1),
    description: z.string().nullish(),
    metadata,
  })
  .strict()
export type AdminCreateReservation = z.infer<typeof AdminCreateReservation>

export const AdminUpdateReservation = z
  .object({
    location_id: z.string().min(1).optional(),
    quantity: z.number().int().min(1).optional(),
    description: z.string().nullish(),
    metadata,
  })
  .strict()
export type AdminUpdateReservation = z.infer<typeof AdminUpdateReservation>
