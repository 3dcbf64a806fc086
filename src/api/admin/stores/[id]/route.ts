import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { retrieveEntity } from "../../../../framework/http/index.ts"
import { updateStoresWorkflow } from "../../../../workflows/store/index.ts"
import { checkFieldsReadable } from "../../../utils/check-fields.ts"
import type { AdminUpdateStore } from "../validators.ts"

type StoreParams = { id: string }

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as StoreParams
  const store = await retrieveEntity({ entity: "store", idOrFilter: id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ store })
}

/** Updates the store; its defaults must exist, and `supported_currencies` replaces its currencies. */
export const POST = async (req: AgoraRequest<AdminUpdateStore>, res: AgoraResponse) => {
  const { id } = req.params as StoreParams
  await retrieveEntity({ entity: "store", idOrFilter: id, scope: req.scope, fields: ["id"] })
  checkFieldsReadable(req.scope, "store", req.queryConfig.fields)
  await updateStoresWorkflow(req.scope).run({ input: { stores: [{ ...req.validatedBody, id }] } })
  const store = await retrieveEntity({ entity: "store", idOrFilter: id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ store })
}
