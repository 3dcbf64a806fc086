import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { deleteApiKeysWorkflow, updateApiKeysWorkflow } from "../../../../workflows/api-key/index.ts"
import { checkApiKeyFields, retrieveApiKey } from "../helpers.ts"
import type { AdminUpdateApiKey } from "../validators.ts"

type ApiKeyParams = { id: string }

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as ApiKeyParams
  res.json({ api_key: await retrieveApiKey(req.scope, id, req.queryConfig.fields) })
}

export const POST = async (req: AgoraRequest<AdminUpdateApiKey>, res: AgoraResponse) => {
  const { id } = req.params as ApiKeyParams
  await retrieveApiKey(req.scope, id, ["id"])
  checkApiKeyFields(req.scope, req.queryConfig.fields)
  await updateApiKeysWorkflow(req.scope).run({ input: { api_keys: [{ ...req.validatedBody, id }] } })
  res.json({ api_key: await retrieveApiKey(req.scope, id, req.queryConfig.fields) })
}

/** Deletes a revoked key (an active one must be revoked first: 400). */
export const DELETE = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as ApiKeyParams
  await deleteApiKeysWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "api_key", deleted: true })
}
