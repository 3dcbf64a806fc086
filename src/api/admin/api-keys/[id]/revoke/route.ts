import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { revokeApiKeysWorkflow } from "../../../../../workflows/api-key/index.ts"
import { checkApiKeyFields, retrieveApiKey } from "../../helpers.ts"
import type { AdminRevokeApiKey } from "../../validators.ts"

/** Revokes a key now, or in `revoke_in` seconds; a revoked publishable key no longer opens the store. */
export const POST = async (req: AgoraRequest<AdminRevokeApiKey>, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  await retrieveApiKey(req.scope, id, ["id"])
  checkApiKeyFields(req.scope, req.queryConfig.fields)
  await revokeApiKeysWorkflow(req.scope).run({
    input: { ids: [id], revoked_by: req.auth_context?.actor_id ?? "", revoke_in: req.validatedBody.revoke_in },
  })
  res.json({ api_key: await retrieveApiKey(req.scope, id, req.queryConfig.fields) })
}
