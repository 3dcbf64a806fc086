import type { MiddlewareRoute } from "../../../framework/http/index.ts"

export const adminReservationsRoutesMiddlewares: MiddlewareRoute[] = []
