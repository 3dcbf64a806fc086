import type { Filters } from "../../../framework/modules/index.ts"
import { createHook, createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import type { ProductRow } from "../../../modules/product/index.ts"
import { createLinksStep, dismissLinksStep, emitEventStep, useQueryGraphStep } from "../../common/index.ts"
import { ProductEvents } from "../events.ts"
import { updateProductsStep } from "../steps/update-products.ts"
import type { UpdateProductsStepInput } from "../steps/update-products.ts"
import type { AdditionalData, UpdateProductWorkflowFields } from "../types.ts"

export type UpdateProductsWorkflowInput = (
  | { products: (UpdateProductWorkflowFields & { id: string })[] }
  | { selector: Filters<ProductRow>; update: UpdateProductWorkflowFields }
) &
  AdditionalData

export const updateProductsWorkflowId = "update-products"

/**
 * Changes products, each by id (`products`) or all that `selector` matches (`update`). `sales_channels`
 * replaces the channels a product is sold in. `productsUpdated` receives the products and `additional_data`.
 */
export const updateProductsWorkflow = createWorkflow(updateProductsWorkflowId, (input: WorkflowData<UpdateProductsWorkflowInput>) => {
  const columns = transform({ input }, ({ input }): UpdateProductsStepInput => {
    if ("products" in input) return { products: input.products.map(({ sales_channels: _channels, ...product }) => product) }
    const { sales_channels: _channels, ...update } = input.update
    return { selector: input.selector, update }
  })
  const products = updateProductsStep(columns)

  const wanted = transform({ input, products }, ({ input, products }) => {
    const channelsOf = (id: string) =>
      "products" in input ? input.products.find((product) => product.id === id)?.sales_channels : input.update.sales_channels
    return products.flatMap((product) => {
      const channels = channelsOf(product.id)
      return channels === undefined ? [] : [{ productId: product.id, channelIds: channels.map((channel) => channel.id) }]
    })
  })
  const { data: current } = useQueryGraphStep({
    entity: "product_sales_channel",
    fields: ["product_id", "sales_channel_id"],
    filters: { product_id: transform({ wanted }, ({ wanted }) => wanted.map((entry) => entry.productId)) },
  })
  const changes = transform({ wanted, current }, ({ wanted, current }) => {
    const link = (productId: string, channelId: string) => ({
      product: { product_id: productId },
      sales_channel: { sales_channel_id: channelId },
    })
    const linked = (productId: string) => current.filter((row) => row.product_id === productId).map((row) => String(row.sales_channel_id))
    return {
      remove: wanted.flatMap(({ productId, channelIds }) =>
        linked(productId).filter((id) => !channelIds.includes(id)).map((id) => link(productId, id)),
      ),
      add: wanted.flatMap(({ productId, channelIds }) =>
        [...new Set(channelIds)].filter((id) => !linked(productId).includes(id)).map((id) => link(productId, id)),
      ),
    }
  })
  dismissLinksStep(changes.remove)
  createLinksStep(changes.add)

  emitEventStep(transform({ products }, ({ products }) => products.map((product) => ({ name: ProductEvents.UPDATED, data: { id: product.id } }))))
  const productsUpdated = createHook("productsUpdated", { products, additional_data: input.additional_data })
  return new WorkflowResponse(products, { hooks: [productsUpdated] })
})
