import type { AgoraRequest, AgoraResponse } from "../../../../../../framework/http/index.ts"
import type { Query } from "../../../../../../framework/modules/index.ts"
import { AgoraError } from "../../../../../../framework/errors/index.ts"
import { deleteInventoryLevelsWorkflow, updateInventoryLevelsWorkflow } from "../../../../../../workflows/inventory/index.ts"
import { checkInventoryItemFields, retrieveInventoryItem } from "../../../helpers.ts"
import type { AdminUpdateInventoryLocationLevel } from "../../../validators.ts"

type LevelParams = { id: string; location_id: string }

/** Sets the item's stocked or incoming units at the location (not_found when it is not stocked there); answers with the item. */
export const POST = async (req: AgoraRequest<AdminUpdateInventoryLocationLevel>, res: AgoraResponse) => {
  const { id, location_id } = req.params as LevelParams
  await retrieveInventoryItem(req.scope, id, ["id"])
  checkInventoryItemFields(req.scope, req.queryConfig.fields)
  await updateInventoryLevelsWorkflow(req.scope).run({ input: { updates: [{ ...req.validatedBody, inventory_item_id: id, location_id }] } })
  res.json({ inventory_item: await retrieveInventoryItem(req.scope, id, req.queryConfig.fields) })
}

/** Removes the item's level at the location; refused (not_allowed) while units there are reserved. */
export const DELETE = async (req: AgoraRequest, res: AgoraResponse) => {
  const { id, location_id } = req.params as LevelParams
  const { data } = await req.scope.resolve<Query>("query").graph<{ id: string }>({
    entity: "inventory_level",
    fields: ["id"],
    filters: { inventory_item_id: id, location_id },
  })
  const level = data[0]
  if (!level) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Inventory level for item ${id} at location ${location_id} was not found`)
  checkInventoryItemFields(req.scope, req.queryConfig.fields)
  // Stock still counted there goes with the level, as when an admin removes a location from an item.
  await deleteInventoryLevelsWorkflow(req.scope).run({ input: { id: [level.id], force: true } })
  const parent = await retrieveInventoryItem(req.scope, id, req.queryConfig.fields)
  res.json({ id: level.id, object: "inventory-level", deleted: true, parent })
}
