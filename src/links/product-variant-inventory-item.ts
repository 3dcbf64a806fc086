import { defineLink } from "../framework/modules/index.ts"
import InventoryModule from "../modules/inventory/index.ts"
import ProductModule from "../modules/product/index.ts"

/**
 * The inventory items a variant is made of, `required_quantity` of each per unit sold
 * (`product_variant.inventory_items`, `inventory_item.product_variants`); an item may serve several
 * variants (a bundle). Table, id prefix and extra column as Medusa's.
 */
export default defineLink(
  { linkable: ProductModule.linkable.productVariant, isList: true },
  { linkable: InventoryModule.linkable.inventoryItem, isList: true },
  {
    database: {
      table: "product_variant_inventory_item",
      idPrefix: "pvitem",
      extraColumns: { required_quantity: { type: "integer", defaultValue: "1" } },
    },
  },
)
