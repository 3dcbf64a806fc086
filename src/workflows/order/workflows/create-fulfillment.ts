import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { OrderEvents } from "../events.ts"
import { consumeReservationsStep } from "../steps/consume-reservations.ts"
import { createFulfillmentStep } from "../steps/create-fulfillment.ts"
import { prepareOrderFulfillmentStep } from "../steps/prepare-order-fulfillment.ts"
import { registerOrderFulfillmentStep } from "../steps/register-order-fulfillment.ts"

export type CreateOrderFulfillmentWorkflowInput = {
  order_id: string
  /** Order line items and how many of each to fulfil. */
  items: { id: string; quantity: number }[]
  /** Defaults to the location where the lines' stock is reserved. */
  location_id?: string
  /** Defaults to the order's shipping method's option; its provider fulfils (else the manual one). */
  shipping_option_id?: string
  no_notification?: boolean
  created_by?: string
  metadata?: Record<string, unknown> | null
}

export const createOrderFulfillmentWorkflowId = "create-order-fulfillment"
/**
 * Fulfils some of an order's lines from a stock location: the order records it (fulfilled quantities
 * grow), the provider creates the fulfillment, and the shipped units leave the stock (their
 * reservations are consumed: stocked and reserved both drop). Announces `order.fulfillment_created`.
 */
export const createOrderFulfillmentWorkflow = createWorkflow(
  createOrderFulfillmentWorkflowId,
  (input: WorkflowData<CreateOrderFulfillmentWorkflowInput>) => {
    const plan = prepareOrderFulfillmentStep({
      order_id: input.order_id,
      items: input.items,
      location_id: input.location_id,
      shipping_option_id: input.shipping_option_id,
    })
    const fulfillment = registerOrderFulfillmentStep({
      order_id: plan.order_id,
      location_id: plan.location_id,
      provider_id: plan.provider_id,
      lines: plan.lines,
      metadata: input.metadata,
    })
    createFulfillmentStep(
      // One id for the order's record of the fulfillment and the fulfillment module's, as Medusa's one record.
      transform({ plan, input, fulfillment }, ({ plan, input, fulfillment }) => ({
        id: fulfillment.id,
        location_id: plan.location_id,
        provider_id: plan.provider_id,
        shipping_option_id: plan.shipping_option_id,
        data: plan.data,
        requires_shipping: plan.requires_shipping,
        created_by: input.created_by ?? null,
        metadata: input.metadata ?? null,
        delivery_address: plan.delivery_address,
        items: plan.items,
        order: { id: plan.order_id },
      })),
    )
    consumeReservationsStep(plan.consume)
    const fulfillmentCreated = createHook("fulfillmentCreated", { fulfillment })
    emitEventStep({
      name: OrderEvents.FULFILLMENT_CREATED,
      data: transform({ input, fulfillment }, ({ input, fulfillment }) => ({
        order_id: input.order_id,
        fulfillment_id: fulfillment.id,
        no_notification: input.no_notification ?? false,
      })),
    })
    return new WorkflowResponse(fulfillment, { hooks: [fulfillmentCreated] })
  },
)
