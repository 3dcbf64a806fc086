import { z } from "zod"
import { createFindParams, createSelectParams } from "../../../framework/http/index.ts"
import { dateFilter, oneOrMany } from "../../utils/query-filters.ts"

const additionalData = z.record(z.string(), z.unknown()).optional()

export const ORDER_STATUSES = ["pending", "completed", "draft", "archived", "canceled", "requires_action"] as const
const orderStatus = z.enum(ORDER_STATUSES)

export const AdminGetOrderParams = createSelectParams()
  // Orders have one version here; the parameter is taken for the SDK's sake.
  .extend({ version: z.coerce.number().int().min(1).optional() })
  .strict()
export type AdminGetOrderParams = z.infer<typeof AdminGetOrderParams>

export const AdminGetOrdersParams = createFindParams({ limit: 15 })
  .extend({
    q: z.string().optional(),
    id: oneOrMany.optional(),
    status: z.union([orderStatus, z.array(orderStatus)]).optional(),
    customer_id: oneOrMany.optional(),
    region_id: oneOrMany.optional(),
    sales_channel_id: oneOrMany.optional(),
    created_at: dateFilter().optional(),
    updated_at: dateFilter().optional(),
  })
  .strict()
export type AdminGetOrdersParams = z.infer<typeof AdminGetOrdersParams>

export const AdminCompleteOrder = z.object({ additional_data: additionalData }).strict()
export type AdminCompleteOrder = z.infer<typeof AdminCompleteOrder>

export const AdminCancelOrder = z.object({}).strict()

const orderItems = z.array(z.object({ id: z.string().min(1), quantity: z.number().int().positive() }).strict()).min(1)

export const AdminCreateFulfillment = z
  .object({
    items: orderItems,
    location_id: z.string().min(1).nullish(),
    shipping_option_id: z.string().min(1).nullish(),
    requires_shipping: z.boolean().optional(),
    no_notification: z.boolean().optional(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    additional_data: additionalData,
  })
  .strict()
export type AdminCreateFulfillment = z.infer<typeof AdminCreateFulfillment>

export const AdminCancelFulfillment = z.object({ no_notification: z.boolean().optional() }).strict()
export type AdminCancelFulfillment = z.infer<typeof AdminCancelFulfillment>

export const AdminCreateShipment = z
  .object({
    items: orderItems,
    labels: z
      .array(z.object({ tracking_number: z.string(), tracking_url: z.string(), label_url: z.string() }).strict())
      .optional(),
    no_notification: z.boolean().optional(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    additional_data: additionalData,
  })
  .strict()
export type AdminCreateShipment = z.infer<typeof AdminCreateShipment>

export const AdminMarkOrderFulfillmentDelivered = z.object({ additional_data: additionalData }).strict()
