import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PRODUCT_MODULE } from "../../../modules/product/index.ts"
import type { ProductModuleService, ProductRow, UpdateProductInput } from "../../../modules/product/index.ts"

/** The product fields kept in step between Agora and the ERP. */
export const ERP_PRODUCT_FIELDS = [
  "title",
  "subtitle",
  "description",
  "handle",
  "status",
  "thumbnail",
  "external_id",
  "weight",
  "length",
  "height",
  "width",
  "hs_code",
  "origin_country",
  "mid_code",
  "material",
] as const satisfies readonly (keyof UpdateProductInput)[]

export type ErpProductField = (typeof ERP_PRODUCT_FIELDS)[number]

export type ErpProductUpdate = Partial<Pick<UpdateProductInput, ErpProductField>>

/** The values of the changed fields, before (`previous`) or after the update. */
export type ErpProductValues = ErpProductUpdate

export type UpdateProductInAgoraStepInput = { id: string; update: ErpProductUpdate }

export type UpdateProductInAgoraStepOutput = { product: ProductRow; previous: ErpProductValues; changed: ErpProductValues }

type Compensation = { id: string; previous: ErpProductValues }

export const updateProductInAgoraStepId = "update-product-in-agora-step"

/** Updates a product's fields in Agora; the compensation puts back the values it read first. */
export const updateProductInAgoraStep = createStep(
  updateProductInAgoraStepId,
  async (input: UpdateProductInAgoraStepInput, { container }) => {
    const fields = changedFields(input)
    const products = container.resolve<ProductModuleService>(PRODUCT_MODULE)
    const before = await products.retrieveProduct(input.id, { select: ["id", ...fields] })
    const previous = pick(before, fields)
    const product = await products.updateProducts({ ...input.update, id: input.id })
    return new StepResponse<UpdateProductInAgoraStepOutput, Compensation>(
      { product, previous, changed: pick(product, fields) },
      { id: input.id, previous },
    )
  },
  async (compensation, { container }) => {
    if (!compensation) return
    await container.resolve<ProductModuleService>(PRODUCT_MODULE).updateProducts({ ...compensation.previous, id: compensation.id })
  },
)

function changedFields(input: UpdateProductInAgoraStepInput): ErpProductField[] {
  if (typeof input?.id !== "string" || input.id === "") {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, "id is required to update a product and the ERP")
  }
  const update: unknown = input.update
  if (typeof update !== "object" || update === null || Array.isArray(update)) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, "update must be an object of product fields")
  }
  const keys = Object.keys(update).filter((key) => (update as Record<string, unknown>)[key] !== undefined)
  const unknown = keys.find((key) => !(ERP_PRODUCT_FIELDS as readonly string[]).includes(key))
  if (unknown !== undefined) {
    throw new AgoraError(
      AgoraError.Types.INVALID_DATA,
      `update.${unknown} is not a product field kept in the ERP (fields: ${ERP_PRODUCT_FIELDS.join(", ")})`,
    )
  }
  if (keys.length === 0) throw new AgoraError(AgoraError.Types.INVALID_DATA, "update must change at least one product field")
  return keys as ErpProductField[]
}

function pick(product: ProductRow, fields: readonly ErpProductField[]): ErpProductValues {
  const values: ErpProductValues = {}
  for (const field of fields) copy(values, product, field)
  return values
}

function copy<K extends ErpProductField>(target: ErpProductValues, source: ProductRow, field: K): void {
  target[field] = source[field]
}
