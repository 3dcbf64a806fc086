import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { capturePaymentWorkflow } from "../../../../../workflows/order/workflows/capture-payment.ts"
import { retrievePayment } from "../../payment-response.ts"
import type { AdminCapturePayment } from "../../validators.ts"

/** Captures an authorized payment: all that is left, or `amount`. */
export const POST = async (req: AgoraRequest<AdminCapturePayment>, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  // An unknown payment, or a field it does not have, is refused before anything runs.
  await retrievePayment(req.scope, id, req.queryConfig.fields)
  await capturePaymentWorkflow(req.scope).run({
    input: { payment_id: id, amount: req.validatedBody.amount, captured_by: req.auth_context?.actor_id },
  })
  res.json({ payment: await retrievePayment(req.scope, id, req.queryConfig.fields) })
}
