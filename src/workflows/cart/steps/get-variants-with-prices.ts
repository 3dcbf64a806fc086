import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import { money } from "../../../framework/money/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { PRICING_MODULE } from "../../../modules/pricing/index.ts"
import type { PricingModuleService } from "../../../modules/pricing/index.ts"
import type { VariantForCart } from "../utils/types.ts"
import { confirmInventory } from "./confirm-inventory.ts"
import type { ConfirmInventoryStepInput } from "./confirm-inventory.ts"
import { assertVariantsPriced } from "./validate-variant-prices.ts"
import { assertVariantsInSalesChannel } from "./validate-variant-sales-channels.ts"

export type GetVariantsWithPricesStepInput = {
  variant_ids: string[]
  /** The variants already read (`readVariantsForCartStep`, beside the cart): priced and checked without reading them again. */
  variants?: UnpricedVariant[]
  /** The pricing context of the cart. */
  currency_code: string
  region_id?: string | null
  /**
   * Checks made on the variants in the same step, in this order, each as its own step makes it:
   * `validateVariantSalesChannelsStep` (given `sales_channel`), `validateVariantPricesStep`
   * (`prices`), `confirmInventoryStep` (`inventory`, its plan not kept). One step is one
   * checkpoint where four were four.
   */
  validate?: {
    sales_channel?: { sales_channel_id: string | null }
    prices?: boolean
    inventory?: ConfirmInventoryStepInput
  }
}

type VariantRow = {
  id: string
  title: string
  sku: string | null
  barcode: string | null
  manage_inventory: boolean
  allow_backorder: boolean
  options: { value: string; option: { title: string } | null }[]
  product: {
    id: string
    title: string
    subtitle: string | null
    description: string | null
    handle: string
    status: string
    thumbnail: string | null
    discountable: boolean
    sales_channels: { id: string }[]
  } | null
  price_set: { id: string } | null
  inventory_item_link: { inventory_item_id: string; required_quantity: number }[]
  inventory_items: { id: string; requires_shipping: boolean }[]
}

const FIELDS = [
  "id", "title", "sku", "barcode", "manage_inventory", "allow_backorder",
  "options.value", "options.option.title",
  "product.id", "product.title", "product.subtitle", "product.description", "product.handle", "product.status",
  "product.thumbnail", "product.discountable", "product.sales_channels.id",
  "price_set.id",
  "inventory_item_link.inventory_item_id", "inventory_item_link.required_quantity",
  "inventory_items.requires_shipping",
]

/**
 * The variants a cart's lines are made from, with their product, inventory items and the price for
 * the cart's currency and region (null when there is none); not_found naming the ids that do not
 * exist. The checks `validate` asks for are made in its order; the price and stock reads go at once.
 */
export const getVariantsWithPricesStepId = "get-variants-with-prices-step"
export const getVariantsWithPricesStep = createStep(
  { name: getVariantsWithPricesStepId, readOnly: true },
  async (input: GetVariantsWithPricesStepInput, { container }) => {
    const read = input.variants === undefined ? readVariantsForCart(container, input.variant_ids) : Promise.resolve(input.variants)
    const variants = await checkedVariantsWithPrices(container, read, input, input.validate ?? {})
    return new StepResponse(variants)
  },
)

/** The variants of `variant_ids` with their product and inventory items, unpriced: a read that needs no cart, so it can go beside the cart's. */
export const readVariantsForCartStepId = "read-variants-for-cart-step"
export const readVariantsForCartStep = createStep(
  { name: readVariantsForCartStepId, readOnly: true },
  async (input: { variant_ids: string[] }, { container }) => new StepResponse(await readVariantsForCart(container, input.variant_ids)),
)

/** A variant as read, before its price: the price set it is priced from. */
export type UnpricedVariant = Omit<VariantForCart, "calculated_price"> & { price_set_id: string | null }

/** The variants with their product, inventory items and price for the cart, in the order of their (unique) ids. */
export async function getVariantsWithPrices(
  container: AwilixContainer,
  input: Pick<GetVariantsWithPricesStepInput, "variant_ids" | "currency_code" | "region_id">,
): Promise<VariantForCart[]> {
  return priceVariants(container, await readVariantsForCart(container, input.variant_ids), input)
}

/**
 * `variants` (a read started by the caller, e.g. beside its own reads) priced and checked as
 * `validate` asks: the sales channel first, then prices, then stock, failing on the first of them
 * that fails; the price read and the stock reads run at once.
 */
export async function checkedVariantsWithPrices(
  container: AwilixContainer,
  variants: Promise<UnpricedVariant[]>,
  context: Pick<GetVariantsWithPricesStepInput, "currency_code" | "region_id">,
  validate: NonNullable<GetVariantsWithPricesStepInput["validate"]>,
): Promise<VariantForCart[]> {
  const read = await variants
  if (validate.sales_channel) assertVariantsInSalesChannel({ sales_channel_id: validate.sales_channel.sales_channel_id, variants: read })
  const [priced, stock] = await Promise.allSettled([
    priceVariants(container, read, context),
    validate.inventory ? confirmInventory(container, validate.inventory, read) : undefined,
  ])
  if (priced.status === "rejected") throw priced.reason
  if (validate.prices) assertVariantsPriced(priced.value)
  if (stock.status === "rejected") throw stock.reason
  return priced.value
}

/** The variants of `variantIds` with their product and inventory items, in the order of their (unique) ids: one statement. */
export async function readVariantsForCart(container: AwilixContainer, variantIds: readonly string[]): Promise<UnpricedVariant[]> {
  const ids = [...new Set(variantIds)]
  if (ids.length === 0) return []
  const { data } = await container.resolve<Query>("query").graph<VariantRow>({ entity: "product_variant", fields: FIELDS, filters: { id: ids } })
  const missing = ids.filter((id) => !data.some((variant) => variant.id === id))
  if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Variants with IDs ${missing.join(", ")} were not found`)
  return ids.map((id): UnpricedVariant => {
    const row = data.find((variant) => variant.id === id) as VariantRow
    const product = row.product
    if (!product) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Product of variant ${id} was not found`)
    return {
      id: row.id,
      title: row.title,
      sku: row.sku,
      barcode: row.barcode,
      manage_inventory: row.manage_inventory,
      allow_backorder: row.allow_backorder,
      option_values: Object.fromEntries(row.options.map((value) => [value.option?.title ?? "", value.value])),
      product: {
        id: product.id,
        title: product.title,
        subtitle: product.subtitle,
        description: product.description,
        handle: product.handle,
        status: product.status,
        thumbnail: product.thumbnail,
        discountable: product.discountable,
        sales_channel_ids: product.sales_channels.map((channel) => channel.id),
      },
      price_set_id: row.price_set?.id ?? null,
      inventory_items: row.inventory_item_link.map((link) => ({
        inventory_item_id: link.inventory_item_id,
        required_quantity: link.required_quantity,
        requires_shipping: row.inventory_items.find((item) => item.id === link.inventory_item_id)?.requires_shipping ?? true,
      })),
    }
  })
}

/** The variants with their price for the cart's currency and region (null when there is none): one statement. */
async function priceVariants(
  container: AwilixContainer,
  variants: readonly UnpricedVariant[],
  input: Pick<GetVariantsWithPricesStepInput, "currency_code" | "region_id">,
): Promise<VariantForCart[]> {
  const priceSetIds = variants.flatMap((variant) => (variant.price_set_id ? [variant.price_set_id] : []))
  if (priceSetIds.length === 0) return variants.map(({ price_set_id: _priceSet, ...variant }) => ({ ...variant, calculated_price: null }))
  const context = { currency_code: input.currency_code, ...(input.region_id ? { region_id: input.region_id } : {}) }
  const prices = await container.resolve<PricingModuleService>(PRICING_MODULE).calculatePrices({ id: priceSetIds }, { context })
  const priceBySet = new Map(prices.map((price) => [price.id, price]))
  return variants.map(({ price_set_id: priceSetId, ...variant }) => {
    const price = priceSetId ? priceBySet.get(priceSetId) : undefined
    return {
      ...variant,
      calculated_price: price
        ? { amount: money.toDecimal(price.calculated_amount), is_tax_inclusive: price.is_calculated_price_tax_inclusive }
        : null,
    }
  })
}
