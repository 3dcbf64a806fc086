/** What a provider keeps about an option, a shipping method or a fulfillment; stored as is. */
export type ProviderData = Record<string, unknown>

/** An option a provider offers, e.g. `{ id: "express" }`; shipping options copy one into their `data`. */
export type FulfillmentOption = { id: string; is_return?: boolean } & Record<string, unknown>

export type FulfillmentItemInput = {
  title: string
  sku?: string | null
  barcode?: string | null
  quantity: number
  line_item_id?: string | null
  inventory_item_id?: string | null
}

export type FulfillmentLabelInput = { tracking_number: string; tracking_url: string; label_url: string }

export type CreateFulfillmentResult = { data?: ProviderData; labels?: FulfillmentLabelInput[] }

export type CalculatedShippingPrice = { calculated_amount: string | number; is_calculated_price_tax_inclusive: boolean }

/**
 * A fulfillment provider: the carrier or warehouse service behind shipping options. A class
 * implementing it declares a static `identifier`; configured with `id`, it is registered as
 * `<identifier>_<id>` (the built-in manual provider is `manual_manual`).
 */
export type FulfillmentProvider = {
  getFulfillmentOptions(): Promise<FulfillmentOption[]>
  /** Whether an option's `data` is one this provider can fulfill with. */
  validateOption(data: ProviderData): Promise<boolean>
  /** Checks (and may complete) the data a customer gives when choosing an option; returns the data to store. */
  validateFulfillmentData(optionData: ProviderData, data: ProviderData, context: Record<string, unknown>): Promise<ProviderData>
  canCalculate(data: ProviderData): Promise<boolean>
  calculatePrice(
    optionData: ProviderData,
    data: ProviderData,
    context: Record<string, unknown>,
  ): Promise<CalculatedShippingPrice>
  createFulfillment(
    data: ProviderData,
    items: FulfillmentItemInput[],
    order: Record<string, unknown>,
    fulfillment: Record<string, unknown>,
  ): Promise<CreateFulfillmentResult>
  cancelFulfillment(data: ProviderData): Promise<ProviderData>
}

export type FulfillmentProviderClass = {
  readonly identifier: string
  new (options: Record<string, unknown>): FulfillmentProvider
}

/**
 * One entry of the module's `providers` option: the provider class (or the path of a file whose
 * default export is one, relative to the project root), the instance id, and its options.
 */
export type FulfillmentProviderConfig = {
  resolve: FulfillmentProviderClass | string
  id: string
  options?: Record<string, unknown>
}

export type FulfillmentModuleOptions = { providers?: FulfillmentProviderConfig[] }
