import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { INVENTORY_MODULE } from "../../../modules/inventory/index.ts"
import type { InventoryModuleService } from "../../../modules/inventory/index.ts"

type ItemLink = { product_variant_id: string; inventory_item_id: string }

export const getInventoryItemsToDeleteStepId = "get-inventory-items-to-delete-step"

/**
 * The inventory items that go when these variants go: those linked to them and to no other live
 * variant. Items still holding reservations are kept, so that the orders waiting on them can be
 * fulfilled.
 */
export const getInventoryItemsToDeleteStep = createStep(
  { name: getInventoryItemsToDeleteStepId, readOnly: true },
  async (variantIds: string[], { container }) => {
    if (variantIds.length === 0 || !container.hasRegistration(INVENTORY_MODULE)) return new StepResponse<string[]>([])
    const query = container.resolve<Query>("query")
    const links = async (filters: Record<string, unknown>) =>
      (
        await query.graph<ItemLink>({
          entity: "product_variant_inventory_item",
          fields: ["product_variant_id", "inventory_item_id"],
          filters,
        })
      ).data
    const itemIds = [...new Set((await links({ product_variant_id: variantIds })).map((link) => link.inventory_item_id))]
    if (itemIds.length === 0) return new StepResponse<string[]>([])
    const shared = new Set(
      (await links({ inventory_item_id: itemIds, product_variant_id: { $nin: variantIds } })).map((link) => link.inventory_item_id),
    )
    const reservations = await container
      .resolve<InventoryModuleService>(INVENTORY_MODULE)
      .listReservationItems({ inventory_item_id: itemIds }, { select: ["inventory_item_id"] })
    const reserved = new Set(reservations.map((reservation) => reservation.inventory_item_id))
    return new StepResponse(itemIds.filter((id) => !shared.has(id) && !reserved.has(id)))
  },
)
