import { z } from "zod"
import { createSelectParams } from "../../../framework/http/index.ts"

const metadata = z.record(z.string(), z.unknown())
const text = z.string().nullish()

/** An address given inline (every field optional and nullable), as Medusa's AddressPayload. */
export const StoreCartAddress = z
  .object({
    first_name: text,
    last_name: text,
    phone: text,
    company: text,
    address_1: text,
    address_2: text,
    city: text,
    country_code: text,
    province: text,
    postal_code: text,
    metadata: metadata.nullish(),
  })
  .strict()
export type StoreCartAddress = z.infer<typeof StoreCartAddress>

/** An inline address, or the id of one of the signed-in customer's saved addresses. */
const addressOrId = z.union([z.string().min(1), StoreCartAddress])
/** On update the address may repeat its id (ignored: the cart's address is replaced). */
const updateAddressOrId = z.union([z.string().min(1), StoreCartAddress.extend({ id: z.string().optional() })])

export const StoreCartLineItem = z
  .object({
    variant_id: z.string().min(1),
    quantity: z.number().int().positive(),
    metadata: metadata.nullish(),
  })
  .strict()

export const StoreGetCartParams = createSelectParams().strict()
export type StoreGetCartParams = z.infer<typeof StoreGetCartParams>

export const StoreCreateCart = z
  .object({
    region_id: z.string().nullish(),
    currency_code: z.string().nullish(),
    email: z.email().nullish(),
    sales_channel_id: z.string().nullish(),
    items: z.array(StoreCartLineItem).optional(),
    shipping_address: addressOrId.nullish(),
    billing_address: addressOrId.nullish(),
    promo_codes: z.array(z.string()).optional(),
    metadata: metadata.nullish(),
    locale: z.string().nullish(),
    additional_data: metadata.optional(),
  })
  .strict()
export type StoreCreateCart = z.infer<typeof StoreCreateCart>

export const StoreUpdateCart = z
  .object({
    region_id: z.string().nullish(),
    email: z.email().nullish(),
    sales_channel_id: z.string().nullish(),
    shipping_address: updateAddressOrId.nullish(),
    billing_address: updateAddressOrId.nullish(),
    promo_codes: z.array(z.string()).optional(),
    metadata: metadata.nullish(),
    locale: z.string().nullish(),
    additional_data: metadata.optional(),
  })
  .strict()
export type StoreUpdateCart = z.infer<typeof StoreUpdateCart>

export const StoreAddCartLineItem = StoreCartLineItem.extend({ additional_data: metadata.optional() }).strict()
export type StoreAddCartLineItem = z.infer<typeof StoreAddCartLineItem>

export const StoreUpdateCartLineItem = z
  .object({
    quantity: z.number().int().min(0),
    metadata: metadata.nullish(),
    additional_data: metadata.optional(),
  })
  .strict()
export type StoreUpdateCartLineItem = z.infer<typeof StoreUpdateCartLineItem>

const shippingMethod = z
  .object({
    option_id: z.string().min(1),
    data: metadata.optional(),
  })
  .strict()

/** One option, or (2.21) several. */
export const StoreAddCartShippingMethods = z.union([
  shippingMethod.extend({ additional_data: metadata.optional() }).strict(),
  z.array(shippingMethod).min(1),
])
export type StoreAddCartShippingMethods = z.infer<typeof StoreAddCartShippingMethods>

/** `POST /store/carts/:id/complete` has no body (the SDK sends none). */
export const StoreCompleteCart = z.object({}).strict()
export type StoreCompleteCart = z.infer<typeof StoreCompleteCart>
