import type { OrderModuleService } from "../../../modules/order/index.ts"

type QuantityColumn = "fulfilled_quantity" | "shipped_quantity" | "delivered_quantity"

/**
 * Moves one quantity column of a fulfilment's lines by what the fulfilment holds (`sign` -1 takes it
 * back): how a compensation undoes the order module's record of a fulfilment, shipment or delivery.
 */
export async function moveLineQuantities(
  orders: OrderModuleService,
  fulfillmentId: string,
  column: QuantityColumn,
  sign: 1 | -1,
): Promise<void> {
  const items = await orders.listOrderFulfillmentItems({ fulfillment_id: fulfillmentId })
  if (items.length === 0) return
  const lines = await orders.listOrderLineItems({ id: items.map((item) => item.line_item_id) })
  await orders.updateOrderLineItems(
    lines.map((line) => {
      const moved = items.filter((item) => item.line_item_id === line.id).reduce((sum, item) => sum + item.quantity, 0)
      return { id: line.id, [column]: Math.max(0, line[column] + sign * moved) }
    }),
  )
}
