/** Events raised by the inventory workflows, with Medusa's names. Each carries `{ id }`. */
export const InventoryEvents = {
  INVENTORY_ITEM_CREATED: "inventory-item.created",
  INVENTORY_ITEM_DELETED: "inventory-item.deleted",
  INVENTORY_LEVEL_CREATED: "inventory-level.created",
  INVENTORY_LEVEL_UPDATED: "inventory-level.updated",
  INVENTORY_LEVEL_DELETED: "inventory-level.deleted",
} as const
