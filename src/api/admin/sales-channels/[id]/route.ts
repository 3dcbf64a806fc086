import type { AgoraRequest, AgoraResponse } from "../../../../framework/http/index.ts"
import { retrieveEntity } from "../../../../framework/http/index.ts"
import { deleteSalesChannelsWorkflow, updateSalesChannelsWorkflow } from "../../../../workflows/sales-channel/index.ts"
import { checkFieldsReadable } from "../../../utils/check-fields.ts"
import type { AdminUpdateSalesChannel } from "../validators.ts"

type SalesChannelParams = { id: string }

export const GET = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as SalesChannelParams
  const sales_channel = await retrieveEntity({ entity: "sales_channel", label: "Sales channel", idOrFilter: id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ sales_channel })
}

export const POST = async (req: AgoraRequest<AdminUpdateSalesChannel>, res: AgoraResponse) => {
  const { id } = req.params as SalesChannelParams
  await retrieveEntity({ entity: "sales_channel", label: "Sales channel", idOrFilter: id, scope: req.scope, fields: ["id"] })
  checkFieldsReadable(req.scope, "sales_channel", req.queryConfig.fields)
  await updateSalesChannelsWorkflow(req.scope).run({ input: { salesChannels: [{ ...req.validatedBody, id }] } })
  const sales_channel = await retrieveEntity({ entity: "sales_channel", label: "Sales channel", idOrFilter: id, scope: req.scope, fields: req.queryConfig.fields })
  res.json({ sales_channel })
}

/** Deletes a channel that is not the store's default; its links to products, keys and locations go with it. */
export const DELETE = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id } = req.params as SalesChannelParams
  await deleteSalesChannelsWorkflow(req.scope).run({ input: { ids: [id] } })
  res.json({ id, object: "sales-channel", deleted: true })
}
