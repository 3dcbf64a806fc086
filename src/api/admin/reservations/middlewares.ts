import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listReservationsQueryConfig, retrieveReservationQueryConfig } from "./query-config.ts"
import { AdminCreateReservation, AdminGetReservationParams, AdminGetReservationsParams, AdminUpdateReservation } from "./validators.ts"

const reservationQuery = validateAndTransformQuery(AdminGetReservationParams, retrieveReservationQueryConfig)

export const adminReservationsRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/reservations",
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminGetReservationsParams, listReservationsQueryConfig)],
  },
  { matcher: "/admin/reservations", method: "POST", middlewares: [validateAndTransformBody(AdminCreateReservation), reservationQuery] },
  { matcher: "/admin/reservations/:id", method: ["GET", "DELETE"], middlewares: [reservationQuery] },
  { matcher: "/admin/reservations/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateReservation), reservationQuery] },
]
