import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { retrieveEntity } from "../../../../framework/http/index.ts"
import { AgoraError } from "../../../../framework/errors/index.ts"

/** The signed-in admin user. */
export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const id = req.auth_context?.actor_type === "user" ? req.auth_context.actor_id : ""
  // A secret API key authenticates, but is no user.
  if (!id) throw new AgoraError(AgoraError.Types.NOT_ALLOWED, "Not allowed: the request is not authenticated as a user")
  const user = await retrieveEntity({ entity: "user", label: "User", idOrFilter: id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ user })
}
