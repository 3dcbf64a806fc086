import type { InferCreateInput, InferEntity, InferUpdateInput } from "../../framework/modules/index.ts"
import type { StockLocation } from "./models/stock-location.ts"
import type { StockLocationAddress } from "./models/stock-location-address.ts"

export type StockLocationRow = InferEntity<typeof StockLocation>
export type StockLocationAddressRow = InferEntity<typeof StockLocationAddress>

export type StockLocationAddressInput = Omit<InferCreateInput<typeof StockLocationAddress>, "id">

/** A location with its address inline (`address`), or pointing at an existing one (`address_id`). */
export type CreateStockLocationInput = InferCreateInput<typeof StockLocation> & { address?: StockLocationAddressInput | null }

/** `address` changes the location's address in place (or gives it one); its fields are all optional then. */
export type UpdateStockLocationInput = Omit<InferUpdateInput<typeof StockLocation>, "id"> & {
  address?: Partial<StockLocationAddressInput>
}
