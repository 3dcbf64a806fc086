import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listAdminPaymentsQueryConfig, retrieveAdminPaymentQueryConfig } from "./query-config.ts"
import { AdminCapturePayment, AdminGetPaymentParams, AdminGetPaymentsParams } from "./validators.ts"

const paymentQuery = validateAndTransformQuery(AdminGetPaymentParams, retrieveAdminPaymentQueryConfig)

export const adminPaymentsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/payments", method: "GET", middlewares: [validateAndTransformQuery(AdminGetPaymentsParams, listAdminPaymentsQueryConfig)] },
  { matcher: "/admin/payments/:id", method: "GET", middlewares: [paymentQuery] },
  { matcher: "/admin/payments/:id/capture", method: "POST", middlewares: [validateAndTransformBody(AdminCapturePayment), paymentQuery] },
]
