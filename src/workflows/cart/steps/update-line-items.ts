import { AgoraError } from "../../../framework/errors/index.ts"
import { money } from "../../../framework/money/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { CART_MODULE } from "../../../modules/cart/index.ts"
import type { CartModuleService } from "../../../modules/cart/index.ts"
import { checkQuantity } from "../utils/line-items.ts"

export type LineItemUpdate = {
  id: string
  quantity?: number
  /** An amount in the currency's main unit. */
  unit_price?: string | number
  is_tax_inclusive?: boolean
  metadata?: Record<string, unknown> | null
}

/** A line's changed columns as stored: the price a decimal string. */
type LineItemChanges = Omit<LineItemUpdate, "unit_price"> & { unit_price?: string }

const FIELDS = ["quantity", "unit_price", "is_tax_inclusive", "metadata"] as const

/** Changes lines of a cart; compensation puts back the values they had. */
export const updateLineItemsStepId = "update-line-items-step"
export const updateLineItemsStep = createStep(
  updateLineItemsStepId,
  async (updates: LineItemUpdate[], { container }) => {
    if (updates.length === 0) return new StepResponse([], [])
    const cart = container.resolve<CartModuleService>(CART_MODULE)
    const rows = updates.map((update): LineItemChanges => {
      const row: LineItemChanges = { id: update.id }
      if (update.quantity !== undefined) row.quantity = checkQuantity(update.quantity, `Line item ${update.id} quantity`)
      if (update.unit_price !== undefined) row.unit_price = money.toDecimal(update.unit_price)
      if (update.is_tax_inclusive !== undefined) row.is_tax_inclusive = update.is_tax_inclusive
      if (update.metadata !== undefined) row.metadata = update.metadata
      return row
    })
    const current = await cart.listLineItems({ id: rows.map((row) => row.id) })
    const previous = rows.map((row): LineItemChanges => {
      const line = current.find((item) => item.id === row.id)
      if (!line) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Line item with id: ${row.id} was not found`)
      const before: LineItemChanges = { id: row.id }
      for (const field of FIELDS) if (row[field] !== undefined) Object.assign(before, { [field]: line[field] })
      return before
    })
    const updated = await cart.updateLineItems(rows)
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous || previous.length === 0) return
    await container.resolve<CartModuleService>(CART_MODULE).updateLineItems(previous)
  },
)
