import { createWorkflow, transform, WorkflowResponse } from "../../../framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../framework/workflows-sdk/index.ts"
import { addProductOptionsStep } from "../steps/add-product-options.ts"
import type { ProductOptionUpsert } from "../steps/add-product-options.ts"
import { planProductVariantsStep } from "../steps/plan-product-variants.ts"
import type { ProductVariantUpsert } from "../steps/plan-product-variants.ts"
import type { AdditionalData, UpdateProductWorkflowFields } from "../types.ts"
import { createProductVariantsWorkflow } from "./create-product-variants.ts"
import { deleteProductVariantsWorkflow } from "./delete-product-variants.ts"
import { updateProductsWorkflow } from "./update-products.ts"
import { updateProductVariantsWorkflow } from "./update-product-variants.ts"

export type UpdateProductAndVariantsWorkflowInput = {
  id: string
  update: UpdateProductWorkflowFields & {
    /** Options (by id or title) the product must offer, with their values; missing ones are added. */
    options?: ProductOptionUpsert[]
    /** The product's whole list of variants: with `id` changed, without added, left out deleted. */
    variants?: ProductVariantUpsert[]
  }
} & AdditionalData

export const updateProductAndVariantsWorkflowId = "update-product-and-variants"

/**
 * One product update as the admin sends it: its columns and sales channels (`updateProductsWorkflow`),
 * new options or values, and, when `variants` is given, its variants made that list (deleted, changed
 * with their prices, added with price sets and inventory items). All of it, or none. Returns the product.
 */
export const updateProductAndVariantsWorkflow = createWorkflow(
  updateProductAndVariantsWorkflowId,
  (input: WorkflowData<UpdateProductAndVariantsWorkflowInput>) => {
    const plan = planProductVariantsStep(transform({ input }, ({ input }) => ({ product_id: input.id, variants: input.update.variants })))
    addProductOptionsStep(transform({ input }, ({ input }) => [{ product_id: input.id, options: input.update.options ?? [] }]))
    const products = updateProductsWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => {
        const { options: _options, variants: _variants, ...columns } = input.update
        return { products: [{ ...columns, id: input.id }], additional_data: input.additional_data }
      }),
    })
    deleteProductVariantsWorkflow.runAsStep({ input: transform({ plan }, ({ plan }) => ({ ids: plan.delete })) })
    updateProductVariantsWorkflow.runAsStep({
      input: transform({ plan, input }, ({ plan, input }) => ({ product_variants: plan.update, additional_data: input.additional_data })),
    })
    createProductVariantsWorkflow.runAsStep({
      input: transform({ plan, input }, ({ plan, input }) => ({ product_variants: plan.create, additional_data: input.additional_data })),
    })
    return new WorkflowResponse(transform({ products }, ({ products }) => products[0]!))
  },
)
