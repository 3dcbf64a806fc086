import type { InferEntity } from "../../framework/modules/index.ts"
import type { FulfillmentAddress } from "./models/fulfillment-address.ts"
import type { FulfillmentProvider } from "./models/fulfillment-provider.ts"
import type { FulfillmentSet } from "./models/fulfillment-set.ts"
import type { Fulfillment } from "./models/fulfillment.ts"
import type { GeoZone } from "./models/geo-zone.ts"
import type { ServiceZone } from "./models/service-zone.ts"
import type { ShippingOptionRule } from "./models/shipping-option-rule.ts"
import type { ShippingOptionType } from "./models/shipping-option-type.ts"
import type { ShippingOption } from "./models/shipping-option.ts"
import type { ShippingProfile } from "./models/shipping-profile.ts"
import type { GeoZoneInput } from "./inputs/geo-zones.ts"
import type { ShippingOptionRuleInput } from "./inputs/rules.ts"
import type { FulfillmentItemInput, FulfillmentLabelInput } from "./providers/types.ts"

export type FulfillmentSetDTO = InferEntity<typeof FulfillmentSet>
export type ServiceZoneDTO = InferEntity<typeof ServiceZone>
export type GeoZoneDTO = InferEntity<typeof GeoZone>
export type ShippingProfileDTO = InferEntity<typeof ShippingProfile>
export type ShippingOptionDTO = InferEntity<typeof ShippingOption>
export type ShippingOptionTypeDTO = InferEntity<typeof ShippingOptionType>
export type ShippingOptionRuleDTO = InferEntity<typeof ShippingOptionRule>
export type FulfillmentProviderDTO = InferEntity<typeof FulfillmentProvider>
export type FulfillmentDTO = InferEntity<typeof Fulfillment>
export type FulfillmentAddressDTO = InferEntity<typeof FulfillmentAddress>

export type { GeoZoneInput, ShippingOptionRuleInput }

export type CreateServiceZoneInput = {
  id?: string
  name: string
  metadata?: Record<string, unknown> | null
  geo_zones?: GeoZoneInput[]
}

export type CreateFulfillmentSetInput = {
  id?: string
  name: string
  type: "shipping" | "pickup"
  metadata?: Record<string, unknown> | null
  service_zones?: CreateServiceZoneInput[]
}

export type CreateGeoZoneInput = GeoZoneInput & { service_zone_id: string }
export type UpdateGeoZoneInput = { id: string } & Partial<GeoZoneInput>

export type CreateShippingOptionRuleInput = ShippingOptionRuleInput & { shipping_option_id: string }
export type UpdateShippingOptionRuleInput = { id: string } & Partial<ShippingOptionRuleInput>

export type CreateShippingOptionInput = {
  id?: string
  name: string
  price_type?: "flat" | "calculated"
  service_zone_id: string
  shipping_profile_id: string
  provider_id: string
  data?: Record<string, unknown> | null
  metadata?: Record<string, unknown> | null
  /** A new type for the option; or `type_id` of an existing one. */
  type?: { label: string; description?: string | null; code: string }
  type_id?: string
  rules?: ShippingOptionRuleInput[]
}

export type CreateFulfillmentInput = {
  /** Defaults to a new id; a caller recording the fulfillment elsewhere too (an order) may share its id. */
  id?: string
  location_id: string
  provider_id: string
  shipping_option_id?: string | null
  /** The data of the shipping method (or option) the items ship with, handed to the provider. */
  data?: Record<string, unknown>
  packed_at?: Date | string | null
  shipped_at?: Date | string | null
  delivered_at?: Date | string | null
  requires_shipping?: boolean
  created_by?: string | null
  metadata?: Record<string, unknown> | null
  delivery_address?: Partial<Omit<FulfillmentAddressDTO, "id" | "created_at" | "updated_at" | "deleted_at">> | null
  items: FulfillmentItemInput[]
  labels?: FulfillmentLabelInput[]
  /** The order being fulfilled, for the provider; not stored. */
  order?: Record<string, unknown>
}
