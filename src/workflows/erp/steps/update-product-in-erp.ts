import type { Logger } from "../../../framework/app/index.ts"
import { ContainerKeys } from "../../../framework/container/index.ts"
import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { ERP_MODULE, ErpErrorCodes } from "../../../modules/erp/index.ts"
import type { ErpModuleService, ErpProduct } from "../../../modules/erp/index.ts"
import type { ErpProductValues } from "./update-product-in-agora.ts"

export type UpdateProductInErpStepInput = {
  id: string
  /** The new values, as Agora stored them. */
  changed: ErpProductValues
  /** The values before the update: what the ERP is given back to undo it. */
  previous: ErpProductValues
}

type Compensation = { id: string; previous: ErpProductValues }

export const updateProductInErpStepId = "update-product-in-erp-step"

/**
 * Sends a product's changed fields to the ERP; the compensation asks the ERP to restore the values
 * before. When the ERP did not answer (a timeout, a dropped connection) it may have stored the
 * change anyway, and a failed step's compensation gets no input: the step restores at once, then
 * fails. An ERP that answered with an error status stored nothing.
 */
export const updateProductInErpStep = createStep(
  updateProductInErpStepId,
  async (input: UpdateProductInErpStepInput, { container }) => {
    const erp = container.resolve<ErpModuleService>(ERP_MODULE)
    try {
      const stored = await erp.updateProduct(input.id, input.changed)
      return new StepResponse<ErpProduct, Compensation>(stored, { id: input.id, previous: input.previous })
    } catch (error) {
      if (AgoraError.is(error) && error.code === ErpErrorCodes.UNREACHABLE) {
        await erp.restoreProduct(input.id, input.previous).catch((restoreError: unknown) => {
          const logger = container.resolve<Logger>(ContainerKeys.LOGGER)
          const details = { err: restoreError, product_id: input.id, previous: input.previous }
          logger.error(details, `the ERP may keep the update of product ${input.id}: restoring it failed`)
        })
      }
      throw error
    }
  },
  async (compensation, { container }) => {
    if (!compensation) return
    await container.resolve<ErpModuleService>(ERP_MODULE).restoreProduct(compensation.id, compensation.previous)
  },
)
