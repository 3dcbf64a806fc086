import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep } from "../../../framework/workflows-sdk/index.ts"
import type { InventoryLevelDTO } from "../../../modules/inventory/index.ts"

export type ValidateInventoryLevelsDeleteInput = {
  levels: Pick<InventoryLevelDTO, "id" | "inventory_item_id" | "location_id" | "stocked_quantity" | "reserved_quantity" | "incoming_quantity">[]
  /** Delete levels that still hold stock. Reserved or incoming units always block. */
  force?: boolean | undefined
}

export const validateInventoryLevelsDeleteStepId = "validate-inventory-levels-delete-step"

/**
 * Refuses (not_allowed) to delete a level with reserved or incoming units (orders wait on them), or,
 * without `force`, one that still holds stock. As Medusa's.
 */
export const validateInventoryLevelsDeleteStep = createStep(
  { name: validateInventoryLevelsDeleteStepId, readOnly: true },
  async ({ levels, force }: ValidateInventoryLevelsDeleteInput) => {
    const held = levels.filter((level) => level.reserved_quantity > 0 || level.incoming_quantity > 0)
    if (held.length > 0) {
      throw new AgoraError(
        AgoraError.Types.NOT_ALLOWED,
        `Cannot delete the inventory level of item ${describe(held)} because it has reserved or incoming units`,
      )
    }
    const stocked = force ? [] : levels.filter((level) => level.stocked_quantity > 0)
    if (stocked.length > 0) {
      throw new AgoraError(
        AgoraError.Types.NOT_ALLOWED,
        `Cannot delete the inventory level of item ${describe(stocked)} because it holds stock; use force to delete it anyway`,
      )
    }
  },
)

function describe(levels: ValidateInventoryLevelsDeleteInput["levels"]): string {
  return levels.map((level) => `${level.inventory_item_id} at location ${level.location_id}`).join(", ")
}
