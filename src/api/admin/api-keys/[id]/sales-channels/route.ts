import type { AgoraRequest, AgoraResponse } from "../../../../../framework/http/index.ts"
import { linkSalesChannelsToApiKeyWorkflow } from "../../../../../workflows/api-key/index.ts"
import { checkApiKeyFields, retrieveApiKey } from "../../helpers.ts"
import type { AdminBatchApiKeySalesChannels } from "../../validators.ts"

/** Adds and removes the sales channels a publishable key scopes the store to (a secret key has none: 400). */
export const POST = async (req: AgoraRequest<AdminBatchApiKeySalesChannels>, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  checkApiKeyFields(req.scope, req.queryConfig.fields)
  await linkSalesChannelsToApiKeyWorkflow(req.scope).run({ input: { id, ...req.validatedBody } })
  res.json({ api_key: await retrieveApiKey(req.scope, id, req.queryConfig.fields) })
}
