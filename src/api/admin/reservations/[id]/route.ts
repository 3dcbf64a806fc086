import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { deleteReservationsWorkflow, updateReservationsWorkflow } from "../../../../workflows/reservation/index.ts"
import { checkReservationFields, retrieveReservation } from "../helpers.ts"
import type { AdminUpdateReservation } from "../validators.ts"

type ReservationParams = { id: string }

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as ReservationParams
  res.json({ reservation: await retrieveReservation(req.scope, id, req.queryConfig.fields) })
}

/** Changes the quantity, location, description or metadata; the reserved units move with it. */
export const POST = async (req: AgoraRequest<AdminUpdateReservation>, res: AgoraResponse) => {
  const { id } = req.params as ReservationParams
  await retrieveReservation(req.scope, id, ["id"])
  checkReservationFields(req.scope, req.queryConfig.fields)
  await updateReservationsWorkflow(req.scope).run({ input: { updates: [{ ...req.validatedBody, id }] } })
  res.json({ reservation: await retrieveReservation(req.scope, id, req.queryConfig.fields) })
}

export const DELETE = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as ReservationParams
  await retrieveReservation(req.scope, id, ["id"])
  await deleteReservationsWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "reservation", deleted: true })
}
