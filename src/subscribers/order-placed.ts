import type { Logger } from "../framework/app/index.ts"
import { ContainerKeys } from "../framework/container/index.ts"
import type { SubscriberArgs, SubscriberConfig } from "../framework/events/index.ts"
import { NOTIFICATION_MODULE } from "../modules/notification/index.ts"
import { ORDER_MODULE } from "../modules/order/index.ts"
import type { OrderModuleService } from "../modules/order/index.ts"
import { sendNotificationsWorkflow } from "../workflows/notification/index.ts"
import { OrderEvents } from "../workflows/order/events.ts"

/** Sends the customer the "order-placed" email once per order, however often the event is delivered. */
export default async function orderPlacedHandler({ event, container }: SubscriberArgs<{ id: string }>) {
  const logger = container.resolve<Logger>(ContainerKeys.LOGGER)
  if (!container.hasRegistration(ORDER_MODULE) || !container.hasRegistration(NOTIFICATION_MODULE)) {
    logger.warn(`order.placed: no confirmation sent for ${event.data.id}: the order and notification modules are not both loaded`)
    return
  }
  const order = await container.resolve<OrderModuleService>(ORDER_MODULE).retrieveOrder(event.data.id)
  if (!order.email) {
    logger.warn(`order.placed: order ${order.id} has no email; no confirmation sent`)
    return
  }
  await sendNotificationsWorkflow(container).run({
    input: [
      {
        to: order.email,
        channel: "email",
        template: "order-placed",
        trigger_type: event.name,
        resource_id: order.id,
        resource_type: "order",
        receiver_id: order.customer_id,
        idempotency_key: `order-placed-${order.id}`,
        data: {
          order: {
            id: order.id,
            display_id: order.display_id,
            email: order.email,
            currency_code: order.currency_code,
            total: order.total,
            subtotal: order.subtotal,
            shipping_total: order.shipping_total,
            tax_total: order.tax_total,
            items: order.items.map((item) => ({
              title: item.title,
              product_title: item.product_title,
              variant_title: item.variant_title,
              quantity: item.quantity,
              unit_price: item.unit_price,
              total: item.total,
            })),
            shipping_address: order.shipping_address,
          },
        },
      },
    ],
  })
}

export const config: SubscriberConfig = { event: OrderEvents.PLACED }
