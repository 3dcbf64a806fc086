import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep, useQueryGraphStep } from "../../common/index.ts"
import { OrderEvents } from "../events.ts"
import { cancelOrderPaymentsStep } from "../steps/cancel-order-payments.ts"
import type { OrderPayment } from "../steps/cancel-order-payments.ts"
import { cancelOrderStep } from "../steps/cancel-order.ts"
import { releaseOrderReservationsStep } from "../steps/release-order-reservations.ts"
import { validateOrderCancelStep } from "../steps/validate-order-cancel.ts"
import type { CancelableOrder } from "../steps/validate-order-cancel.ts"

export type CancelOrderWorkflowInput = { order_id: string }

type OrderToCancel = CancelableOrder & {
  items: { id: string }[]
  payment_collections: { payments: OrderPayment[] }[]
}

export const cancelOrderWorkflowId = "cancel-order"
/**
 * Cancels an order with no active fulfillment: its stock reservations are released, the order is
 * marked `canceled`, and its payments are refunded (what was captured) and canceled with their
 * providers, last, because that cannot be taken back. Announces `order.canceled`.
 */
export const cancelOrderWorkflow = createWorkflow(cancelOrderWorkflowId, (input: WorkflowData<CancelOrderWorkflowInput>) => {
  const found = useQueryGraphStep({
    entity: "order",
    fields: [
      "id",
      "status",
      "items.id",
      "fulfillments.id",
      "fulfillments.canceled_at",
      "payment_collections.payments.id",
      "payment_collections.payments.canceled_at",
      "payment_collections.payments.captures.amount",
      "payment_collections.payments.refunds.amount",
    ],
    filters: { id: input.order_id },
  })
  const order = transform({ found }, ({ found }) => found.data[0] as OrderToCancel | undefined)
  validateOrderCancelStep({ order_id: input.order_id, order })

  releaseOrderReservationsStep({ line_item_ids: transform({ order }, ({ order }) => order!.items.map((item) => item.id)) })
  const canceled = cancelOrderStep({ id: input.order_id })
  // Before the payments are given back, so a handler that throws still undoes everything.
  const orderCanceled = createHook("orderCanceled", { order: canceled })
  cancelOrderPaymentsStep({
    payments: transform({ order }, ({ order }) => order!.payment_collections.flatMap((collection) => collection.payments)),
  })
  emitEventStep({ name: OrderEvents.CANCELED, data: { id: input.order_id } })
  return new WorkflowResponse(canceled, { hooks: [orderCanceled] })
})
