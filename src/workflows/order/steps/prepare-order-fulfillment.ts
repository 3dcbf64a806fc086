import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { FULFILLMENT_MODULE, MANUAL_PROVIDER_ID } from "../../../modules/fulfillment/index.ts"
import type { CreateFulfillmentInput, FulfillmentModuleService } from "../../../modules/fulfillment/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { InventoryModuleService, ReservationItemRow } from "../../../modules/inventory/index.ts"
import { ORDER_MODULE } from "../../../modules/order/index.ts"
import type { OrderDetail, OrderLineItemDetail, OrderModuleService } from "../../../modules/order/index.ts"

export type PrepareOrderFulfillmentStepInput = {
  order_id: string
  items: { id: string; quantity: number }[]
  location_id?: string
  shipping_option_id?: string
}

/** Everything the writing steps of a fulfillment need, checked against the order, its stock and its shipping. */
export type OrderFulfillmentPlan = {
  order_id: string
  location_id: string
  provider_id: string
  shipping_option_id: string | null
  /** The shipping method's data, for the provider. */
  data: Record<string, unknown>
  requires_shipping: boolean
  delivery_address: CreateFulfillmentInput["delivery_address"]
  /** For the order module: how many of each line. */
  lines: { line_item_id: string; quantity: number }[]
  /** For the fulfillment module and its provider. */
  items: { title: string; sku: string | null; quantity: number; line_item_id: string }[]
  /** Reservations whose units now leave the stock. */
  consume: { id: string; quantity: number }[]
}

const ADDRESS_FIELDS = ["company", "first_name", "last_name", "address_1", "address_2", "city", "country_code", "province", "postal_code", "phone", "metadata"] as const

export const prepareOrderFulfillmentStepId = "prepare-order-fulfillment-step"
/**
 * Reads and checks what fulfilling some of an order's lines takes, writing nothing: the lines and
 * quantities (never beyond what is left to fulfil), the stock location (given, or where the lines'
 * stock is reserved), the provider (the shipping option's, else the manual one), and how much of each
 * reservation the shipped units consume.
 */
export const prepareOrderFulfillmentStep = createStep(
  { name: prepareOrderFulfillmentStepId, readOnly: true },
  async (input: PrepareOrderFulfillmentStepInput, { container }) => {
    const order = await container.resolve<OrderModuleService>(ORDER_MODULE).retrieveOrder(input.order_id)
    if (order.status === "canceled") throw notAllowed(`Order with id ${order.id} has been canceled.`)
    const requested = requestedLines(order, input.items)
    const reservations = await container
      .resolve<InventoryModuleService>(INVENTORY_MODULE)
      .listReservationItems({ line_item_id: requested.map(({ line }) => line.id) }, { order: { id: "ASC" } })
    const locationId = input.location_id ?? reservedLocation(reservations)
    const perUnit = await requiredQuantities(container.resolve<Query>("query"), requested.map(({ line }) => line.variant_id))

    const consume: OrderFulfillmentPlan["consume"] = []
    for (const { line, quantity } of requested) {
      for (const reservation of reservations.filter((r) => r.line_item_id === line.id)) {
        if (reservation.location_id !== locationId) {
          throw invalid(`Item ${line.id} (${line.title}) is reserved at location ${reservation.location_id}, not at ${locationId}`)
        }
        const left = line.quantity - line.detail.fulfilled_quantity
        const unit = perUnit.get(`${line.variant_id}:${reservation.inventory_item_id}`) ?? Math.max(1, Math.floor(reservation.quantity / left))
        consume.push({ id: reservation.id, quantity: Math.min(reservation.quantity, quantity * unit) })
      }
    }

    const method = order.shipping_methods.find((m) => !input.shipping_option_id || m.shipping_option_id === input.shipping_option_id)
    const shippingOptionId = input.shipping_option_id ?? method?.shipping_option_id ?? null
    const plan: OrderFulfillmentPlan = {
      order_id: order.id,
      location_id: locationId,
      provider_id: await providerOf(container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE), shippingOptionId),
      shipping_option_id: shippingOptionId,
      data: (method?.data as Record<string, unknown> | null) ?? {},
      requires_shipping: requested.some(({ line }) => line.requires_shipping),
      delivery_address: order.shipping_address ? (pick(order.shipping_address, ADDRESS_FIELDS) as CreateFulfillmentInput["delivery_address"]) : null,
      lines: requested.map(({ line, quantity }) => ({ line_item_id: line.id, quantity })),
      items: requested.map(({ line, quantity }) => ({
        title: line.variant_title ?? line.title,
        sku: line.variant_sku ?? null,
        quantity,
        line_item_id: line.id,
      })),
      consume,
    }
    return new StepResponse(plan)
  },
)

function requestedLines(order: OrderDetail, items: PrepareOrderFulfillmentStepInput["items"]) {
  if (!Array.isArray(items) || items.length === 0) throw invalid("Fulfillment items are required: at least one { id, quantity }")
  const wanted = new Map<string, number>()
  for (const item of items) {
    if (!Number.isInteger(item.quantity) || item.quantity < 1) {
      throw invalid(`Fulfillment quantity for item ${item.id} must be a positive whole number, got ${String(item.quantity)}`)
    }
    wanted.set(item.id, (wanted.get(item.id) ?? 0) + item.quantity)
  }
  const missing = [...wanted.keys()].filter((id) => !order.items.some((line) => line.id === id))
  if (missing.length > 0) throw invalid(`Items with ids ${missing.join(", ")} do not exist in order with id ${order.id}`)
  return [...wanted].map(([id, quantity]) => {
    const line = order.items.find((candidate) => candidate.id === id) as OrderLineItemDetail
    const left = line.quantity - line.detail.fulfilled_quantity
    if (quantity > left) {
      throw invalid(`Cannot fulfill more items than what was ordered for item ${line.id} (${line.title}): ${quantity} requested, ${left} left to fulfill`)
    }
    return { line, quantity }
  })
}

function reservedLocation(reservations: ReservationItemRow[]): string {
  const locations = [...new Set(reservations.map((reservation) => reservation.location_id))]
  if (locations.length === 1) return locations[0] as string
  throw invalid(
    locations.length === 0
      ? "location_id is required: none of the items is reserved at a stock location"
      : `location_id is required: the items are reserved at several locations (${locations.join(", ")})`,
  )
}

/** Units of each inventory item one unit of each variant takes, by `variant:item`. */
async function requiredQuantities(query: Query, variantIds: (string | null | undefined)[]): Promise<Map<string, number>> {
  const ids = [...new Set(variantIds.filter((id): id is string => typeof id === "string"))]
  if (ids.length === 0) return new Map()
  const { data } = await query.graph<{ id: string; inventory_item_link: { inventory_item_id: string; required_quantity: number }[] }>({
    entity: "product_variant",
    fields: ["id", "inventory_item_link.inventory_item_id", "inventory_item_link.required_quantity"],
    filters: { id: ids },
    withDeleted: true,
  })
  return new Map(data.flatMap((variant) => variant.inventory_item_link.map((link) => [`${variant.id}:${link.inventory_item_id}`, link.required_quantity] as const)))
}

async function providerOf(fulfillment: FulfillmentModuleService, shippingOptionId: string | null): Promise<string> {
  if (!shippingOptionId) return MANUAL_PROVIDER_ID
  const [option] = await fulfillment.listShippingOptions({ id: shippingOptionId }, { withDeleted: true })
  if (!option) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Shipping option with id: ${shippingOptionId} was not found`)
  return option.provider_id ?? MANUAL_PROVIDER_ID
}

function pick(row: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(fields.filter((field) => row[field] !== undefined).map((field) => [field, row[field]]))
}

function invalid(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.INVALID_DATA, message)
}

function notAllowed(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.NOT_ALLOWED, message)
}
