import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { retrieveEntity } from "../../../../framework/http/index.ts"
import { updateUsersWorkflow } from "../../../../workflows/user/index.ts"
import { checkFieldsReadable } from "../../../utils/check-fields.ts"
import type { AdminUpdateUser } from "../validators.ts"

type UserParams = { id: string }

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as UserParams
  const user = await retrieveEntity({ entity: "user", label: "User", idOrFilter: id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ user })
}

/** Changes a user's name, avatar or metadata. */
export const POST = async (req: AgoraRequest<AdminUpdateUser>, res: AgoraResponse) => {
  const { id } = req.params as UserParams
  await retrieveEntity({ entity: "user", label: "User", idOrFilter: id, scope: req.scope, fields: ["id"] })
  checkFieldsReadable(req.scope, "user", req.queryConfig.fields)
  await updateUsersWorkflow(req.scope).run({ input: { updates: [{ ...req.validatedBody, id }] } })
  const user = await retrieveEntity({ entity: "user", label: "User", idOrFilter: id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ user })
}
