import { AgoraError } from "../../../framework/errors/index.ts"
import type { LinkService } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { CartDetail } from "../../../modules/cart/index.ts"
import { ORDER_MODULE } from "../../../modules/order/index.ts"
import type { OrderDetail, OrderModuleService } from "../../../modules/order/index.ts"

export type CreateOrderFromCartStepInput = { cart: CartDetail }

/**
 * The id of the order placed from a cart: the cart's own id under the order prefix. One cart can so
 * never hold two live orders, and a step body run again after a crash finds the order it made.
 */
export function orderIdForCart(cartId: string): string {
  return `order_${cartId.startsWith("cart_") ? cartId.slice("cart_".length) : cartId}`
}

export const createOrderFromCartStepId = "create-order-from-cart-step"
/** Places the order: a pending copy of the cart's lines, shipping methods, addresses, region, customer and channel. */
export const createOrderFromCartStep = createStep(
  createOrderFromCartStepId,
  async ({ cart }: CreateOrderFromCartStepInput, { container }) => {
    const orders = container.resolve<OrderModuleService>(ORDER_MODULE)
    const id = orderIdForCart(cart.id)
    try {
      const order = await orders.createOrders({
        id,
        status: "pending",
        email: cart.email ?? null,
        currency_code: cart.currency_code,
        region_id: cart.region_id ?? null,
        customer_id: cart.customer_id ?? null,
        sales_channel_id: cart.sales_channel_id ?? null,
        shipping_address: cart.shipping_address ? { ...cart.shipping_address } : null,
        billing_address: cart.billing_address ? { ...cart.billing_address } : null,
        // The order module keeps the snapshot columns it knows and drops the rest (ids, totals).
        items: cart.items.map((item) => ({ ...item })),
        shipping_methods: cart.shipping_methods.map((method) => ({ ...method })),
      })
      return new StepResponse<OrderDetail, string>(order, order.id)
    } catch (error) {
      // The order is written in one statement: refused as a duplicate, it wrote nothing.
      if (!(error instanceof AgoraError && error.type === AgoraError.Types.DUPLICATE_ERROR)) throw error
    }
    // An order of this cart exists: made by this step before a crash (adopt it), or placed already.
    const [[existing], [placed]] = await Promise.all([
      orders.listOrders({ id }),
      container.resolve<LinkService>("link").list({ order: { order_id: id }, cart: { cart_id: cart.id } }),
    ])
    if (placed) throw new AgoraError(AgoraError.Types.CONFLICT, `Cart ${cart.id} already has an order: ${id}`)
    if (!existing) throw new AgoraError(AgoraError.Types.CONFLICT, `Cart ${cart.id} has an order being removed: ${id}`)
    return new StepResponse<OrderDetail, string>(existing, id)
  },
  async (orderId, { container }) => {
    if (!orderId) return
    await container.resolve<OrderModuleService>(ORDER_MODULE).deleteOrders(orderId)
  },
)
