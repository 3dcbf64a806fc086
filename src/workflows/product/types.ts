import type { CreatePriceInput, PriceWithRules, UpsertPriceInput } from "../../modules/pricing/index.ts"
import type {
  CreateProductInput,
  CreateProductVariantInput,
  ProductRow,
  ProductVariantRow,
  UpdateProductInput,
  UpdateProductVariantInput,
} from "../../modules/product/index.ts"

/** An existing inventory item a variant is made of, `required_quantity` of it per unit sold (default 1). */
export type VariantInventoryItemInput = { inventory_item_id: string; required_quantity?: number }

/**
 * A variant as the workflows take it: its columns and option values, its `prices` (kept in a price
 * set linked to it) and, instead of the inventory item made for it, the `inventory_items` it uses.
 */
export type VariantWorkflowInput = CreateProductVariantInput & {
  prices?: CreatePriceInput[]
  inventory_items?: VariantInventoryItemInput[]
}

export type CreateProductWorkflowInput = Omit<CreateProductInput, "variants"> & {
  variants?: VariantWorkflowInput[]
  sales_channels?: { id: string }[]
}

export type CreateProductVariantWorkflowInput = VariantWorkflowInput & { product_id: string }

/** A variant with the prices of its price set. */
export type VariantWithPrices = ProductVariantRow & { prices: PriceWithRules[] }

export type ProductWithVariants = Omit<ProductRow, "variants"> & { variants: VariantWithPrices[] }

/** `sales_channels`, when given, replaces the channels the product is sold in. */
export type UpdateProductWorkflowFields = Omit<UpdateProductInput, "id"> & { sales_channels?: { id: string }[] }

/** `prices`, when given, is the variant's whole price list: entries with an id change that price, others are added, the rest go. */
export type UpdateProductVariantWorkflowFields = Omit<UpdateProductVariantInput, "id"> & { prices?: UpsertPriceInput[] }

/** Extra input for hook handlers (`additional_data.brand_id` ...), passed through untouched. */
export type AdditionalData = { additional_data?: Record<string, unknown> }
