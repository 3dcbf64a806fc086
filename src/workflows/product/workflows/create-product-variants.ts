import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { LinkInput } from "../../../framework/modules/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { ProductVariantEvents } from "../events.ts"
import { createProductVariantsStep } from "../steps/create-product-variants.ts"
import type { AdditionalData, CreateProductVariantWorkflowInput } from "../types.ts"
import { attachPricesAndInventory } from "../utils/attach-prices-and-inventory.ts"

export type CreateProductVariantsWorkflowInput = { product_variants: CreateProductVariantWorkflowInput[] } & AdditionalData

export const createProductVariantsWorkflowId = "create-product-variants"

/**
 * Adds variants to existing products, each with a price set holding its `prices` and, when it manages
 * inventory, an inventory item (or the `inventory_items` it names). `productVariantsCreated` receives
 * the variants and `additional_data`.
 */
export const createProductVariantsWorkflow = createWorkflow(
  createProductVariantsWorkflowId,
  (input: WorkflowData<CreateProductVariantsWorkflowInput>) => {
    const rows = transform({ input }, ({ input }) =>
      input.product_variants.map(({ prices: _prices, inventory_items: _items, ...variant }) => variant),
    )
    const created = createProductVariantsStep(rows)
    const variants = transform({ input, created }, ({ input, created }) =>
      created.map((variant, i) => ({ variant, input: input.product_variants[i]! })),
    )
    const result = attachPricesAndInventory(variants, transform({}, (): LinkInput[] => []))
    emitEventStep(transform({ result }, ({ result }) => result.map((variant) => ({ name: ProductVariantEvents.CREATED, data: { id: variant.id } }))))
    const productVariantsCreated = createHook("productVariantsCreated", { product_variants: result, additional_data: input.additional_data })
    return new WorkflowResponse(result, { hooks: [productVariantsCreated] })
  },
)
