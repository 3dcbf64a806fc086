import { createWorkflow, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { PaymentEvents } from "../events.ts"
import { capturePaymentStep } from "../steps/capture-payment.ts"
import type { CapturePaymentStepInput } from "../steps/capture-payment.ts"

export type CapturePaymentWorkflowInput = CapturePaymentStepInput

export const capturePaymentWorkflowId = "capture-payment"
/**
 * Captures an authorized payment (all that is left, or `amount`), which brings its collection, and so
 * the order's `payment_status`, to captured; announces `payment.captured`.
 */
export const capturePaymentWorkflow = createWorkflow(capturePaymentWorkflowId, (input: WorkflowData<CapturePaymentWorkflowInput>) => {
  const payment = capturePaymentStep(input)
  emitEventStep({ name: PaymentEvents.CAPTURED, data: { id: payment.id } })
  return new WorkflowResponse(payment)
})
