import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { ORDER_MODULE } from "../../../modules/order/index.ts"
import type { OrderModuleService } from "../../../modules/order/index.ts"
import { findOrderFulfillment } from "../utils/find-order-fulfillment.ts"

export type PrepareCancelOrderFulfillmentStepInput = { order_id: string; fulfillment_id: string }

/** Units of an inventory item that go back in stock, held again for the order line. */
export type RestockLine = { line_item_id: string; inventory_item_id: string; location_id: string; quantity: number }

export type CancelOrderFulfillmentPlan = { order_id: string; fulfillment_id: string; restock: RestockLine[] }

export const prepareCancelOrderFulfillmentStepId = "prepare-cancel-order-fulfillment-step"
/**
 * Checks that a fulfillment of the order can be canceled (it exists, is not canceled, has not
 * shipped, the order is not canceled) and works out the stock it gave out: each line's units times
 * what one unit of its variant takes of each inventory item, at the fulfillment's location. Writes nothing.
 */
export const prepareCancelOrderFulfillmentStep = createStep(
  { name: prepareCancelOrderFulfillmentStepId, readOnly: true },
  async (input: PrepareCancelOrderFulfillmentStepInput, { container }) => {
    const { order, fulfillment } = await findOrderFulfillment(container.resolve<OrderModuleService>(ORDER_MODULE), input)
    if (fulfillment.canceled_at) throw notAllowed(`Fulfillment with id ${fulfillment.id} has been canceled.`)
    if (fulfillment.shipped_at || fulfillment.delivered_at) {
      throw notAllowed("The fulfillment has already been shipped. Shipped fulfillments cannot be canceled")
    }
    const variantOf = new Map(order.items.map((line) => [line.id, line.variant_id]))
    const perUnit = await inventoryPerUnit(
      container.resolve<Query>("query"),
      fulfillment.items.map((item) => variantOf.get(item.line_item_id)),
    )
    const restock = fulfillment.items.flatMap((item) =>
      (perUnit.get(variantOf.get(item.line_item_id) ?? "") ?? []).map((link) => ({
        line_item_id: item.line_item_id,
        inventory_item_id: link.inventory_item_id,
        location_id: fulfillment.location_id,
        quantity: item.quantity * link.required_quantity,
      })),
    )
    return new StepResponse<CancelOrderFulfillmentPlan>({ order_id: order.id, fulfillment_id: fulfillment.id, restock })
  },
)

type InventoryLink = { inventory_item_id: string; required_quantity: number }

/** The inventory items one unit of each variant takes, by variant id. */
async function inventoryPerUnit(query: Query, variantIds: (string | null | undefined)[]): Promise<Map<string, InventoryLink[]>> {
  const ids = [...new Set(variantIds.filter((id): id is string => typeof id === "string"))]
  if (ids.length === 0) return new Map()
  const { data } = await query.graph<{ id: string; inventory_item_link: InventoryLink[] }>({
    entity: "product_variant",
    fields: ["id", "inventory_item_link.inventory_item_id", "inventory_item_link.required_quantity"],
    filters: { id: ids },
    withDeleted: true,
  })
  return new Map(data.map((variant) => [variant.id, variant.inventory_item_link]))
}

function notAllowed(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.NOT_ALLOWED, message)
}
