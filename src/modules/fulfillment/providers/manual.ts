import { AgoraError } from "../../../framework/errors/index.ts"
import type {
  CalculatedShippingPrice,
  CreateFulfillmentResult,
  FulfillmentOption,
  FulfillmentProvider,
  ProviderData,
} from "./types.ts"

/**
 * The built-in provider (`manual_manual`) for goods a merchant ships by hand: it accepts any data,
 * keeps nothing and only offers flat prices.
 */
export class ManualFulfillmentProvider implements FulfillmentProvider {
  static readonly identifier = "manual"

  async getFulfillmentOptions(): Promise<FulfillmentOption[]> {
    return [{ id: "manual-fulfillment" }, { id: "manual-fulfillment-return", is_return: true }]
  }

  async validateOption(): Promise<boolean> {
    return true
  }

  async validateFulfillmentData(_optionData: ProviderData, data: ProviderData): Promise<ProviderData> {
    return data
  }

  async canCalculate(): Promise<boolean> {
    return false
  }

  async calculatePrice(): Promise<CalculatedShippingPrice> {
    throw new AgoraError(AgoraError.Types.NOT_ALLOWED, "The manual fulfillment provider only offers flat prices")
  }

  async createFulfillment(): Promise<CreateFulfillmentResult> {
    return {}
  }

  async cancelFulfillment(): Promise<ProviderData> {
    return {}
  }
}
