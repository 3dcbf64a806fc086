import type { AgoraRequest, AgoraResponse } from "../../../framework/http/index.ts"
import { createApiKeysWorkflow } from "../../../workflows/api-key/index.ts"
import { checkApiKeyFields, readApiKeys, retrieveApiKey } from "./helpers.ts"
import type { AdminCreateApiKey, AdminGetApiKeysParams } from "./validators.ts"

export const GET = async (req: AgoraRequest<unknown, AdminGetApiKeysParams>, res: AgoraResponse) => {
  const { keys, count, skip, take } = await readApiKeys(req.scope, {
    filters: req.filterableFields,
    fields: req.queryConfig.fields,
    pagination: req.queryConfig.pagination,
  })
  res.json({ api_keys: keys, count, offset: skip, limit: take })
}

/** Creates a key; a secret key's token is in this answer and never again. */
export const POST = async (req: AgoraRequest<AdminCreateApiKey>, res: AgoraResponse) => {
  checkApiKeyFields(req.scope, req.queryConfig.fields)
  const { result } = await createApiKeysWorkflow(req.scope).run({
    input: { api_keys: [{ ...req.validatedBody, created_by: req.auth_context?.actor_id ?? "" }] },
  })
  const created = result[0]!
  const api_key = await retrieveApiKey(req.scope, created.id, req.queryConfig.fields)
  if ("token" in api_key) api_key.token = created.token
  res.json({ api_key })
}
