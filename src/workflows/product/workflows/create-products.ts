import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { emitEventStep } from "../../common/index.ts"
import { ProductEvents } from "../events.ts"
import { createProductsStep } from "../steps/create-products.ts"
import type { AdditionalData, CreateProductWorkflowInput, ProductWithVariants } from "../types.ts"
import { attachPricesAndInventory } from "../utils/attach-prices-and-inventory.ts"

export type CreateProductsWorkflowInput = { products: CreateProductWorkflowInput[] } & AdditionalData

export const createProductsWorkflowId = "create-products"

/**
 * Creates products with their options and variants, a price set per variant, an inventory item per
 * variant that manages inventory, and the links to their sales channels. `productsCreated` receives
 * the products and `additional_data`.
 */
export const createProductsWorkflow = createWorkflow(createProductsWorkflowId, (input: WorkflowData<CreateProductsWorkflowInput>) => {
  const productRows = transform({ input }, ({ input }) =>
    input.products.map(({ sales_channels: _channels, variants = [], ...product }) => ({
      ...product,
      variants: variants.map(({ prices: _prices, inventory_items: _items, ...variant }) => variant),
    })),
  )
  const products = createProductsStep(productRows)

  const variants = transform({ input, products }, ({ input, products }) =>
    products.flatMap((product, i) =>
      (product.variants ?? []).map((variant, j) => ({ variant, input: input.products[i]!.variants![j]! })),
    ),
  )
  const salesChannelLinks = transform({ input, products }, ({ input, products }) =>
    products.flatMap((product, i) =>
      (input.products[i]!.sales_channels ?? []).map((channel) => ({
        product: { product_id: product.id },
        sales_channel: { sales_channel_id: channel.id },
      })),
    ),
  )
  const variantsWithPrices = attachPricesAndInventory(variants, salesChannelLinks)

  const result = transform({ products, variantsWithPrices }, ({ products, variantsWithPrices }): ProductWithVariants[] =>
    products.map((product) => ({ ...product, variants: variantsWithPrices.filter((variant) => variant.product_id === product.id) })),
  )
  emitEventStep(transform({ result }, ({ result }) => result.map((product) => ({ name: ProductEvents.CREATED, data: { id: product.id } }))))
  const productsCreated = createHook("productsCreated", { products: result, additional_data: input.additional_data })
  return new WorkflowResponse(result, { hooks: [productsCreated] })
})
