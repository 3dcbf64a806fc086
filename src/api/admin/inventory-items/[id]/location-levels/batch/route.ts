import type { AgoraRequest, AgoraResponse } from "../../../../../../framework/http/index.ts"
import { batchInventoryItemLevelsWorkflow } from "../../../../../../workflows/inventory/index.ts"
import { retrieveInventoryItem } from "../../../helpers.ts"
import type { AdminBatchInventoryItemLocationLevels } from "../../../validators.ts"

/** Creates, updates (by location) and deletes (by id) the item's levels, all or none: `{ created, updated, deleted }`. */
export const POST = async (req: AgoraRequest<AdminBatchInventoryItemLocationLevels>, res: AgoraResponse) => {
  const { id } = req.params as { id: string }
  const body = req.validatedBody
  await retrieveInventoryItem(req.scope, id, ["id"])
  const { result } = await batchInventoryItemLevelsWorkflow(req.scope).run({
    input: {
      create: (body.create ?? []).map((level) => ({ ...level, inventory_item_id: id })),
      update: (body.update ?? []).map(({ id: _levelId, ...level }) => ({ ...level, inventory_item_id: id })),
      delete: body.delete ?? [],
      force: body.force ?? false,
    },
  })
  res.json(result)
}
