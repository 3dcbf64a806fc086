import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createReservationsWorkflow } from "../../../workflows/reservation/index.ts"
import { checkReservationFields, planReservationRead, retrieveReservation, shapeReservation } from "./helpers.ts"
import type { AdminCreateReservation, AdminGetReservationsParams } from "./validators.ts"

export const GET = async (req: AgoraRequest<unknown, AdminGetReservationsParams>, res: AgoraResponse) => {
  const plan = planReservationRead(req.queryConfig.fields)
  const { data, metadata } = await req.scope.resolve<Query>("query").graph({
    entity: "reservation_item",
    fields: plan.fields,
    filters: req.filterableFields,
    pagination: req.queryConfig.pagination,
  })
  res.json({
    reservations: data.map((reservation) => shapeReservation(reservation, plan)),
    count: metadata.count,
    offset: metadata.skip,
    limit: metadata.take,
  })
}

/** Holds units of an item at a location; not_allowed when the level has too few available. */
export const POST = async (req: AgoraRequest<AdminCreateReservation>, res: AgoraResponse) => {
  checkReservationFields(req.scope, req.queryConfig.fields)
  const createdBy = req.auth_context?.actor_id
  const { result } = await createReservationsWorkflow(req.scope).run({
    input: { reservations: [{ ...req.validatedBody, ...(createdBy ? { created_by: createdBy } : {}) }] },
  })
  res.json({ reservation: await retrieveReservation(req.scope, result[0]!.id, req.queryConfig.fields) })
}
