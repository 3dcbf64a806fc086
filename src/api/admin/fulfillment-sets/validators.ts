import { z } from "zod"
import { createSelectParams } from "../../../framework/http/index.ts"

export const AdminGetFulfillmentSetParams = createSelectParams().strict()
export type AdminGetFulfillmentSetParams = z.infer<typeof AdminGetFulfillmentSetParams>

const metadata = z.record(z.string(), z.unknown()).nullish()
const countryCode = z.string().regex(/^[a-zA-Z]{2}$/, "must be a two-letter ISO 3166-1 code")

/** An area a zone covers: a country, or within it a province, a city of that province, or postal codes of that city. */
const GeoZone = z.discriminatedUnion("type", [
  z.object({ type: z.literal("country"), country_code: countryCode, metadata }).strict(),
  z.object({ type: z.literal("province"), country_code: countryCode, province_code: z.string().min(1), metadata }).strict(),
  z.object({ type: z.literal("city"), country_code: countryCode, province_code: z.string().min(1), city: z.string().min(1), metadata }).strict(),
  z
    .object({
      type: z.literal("zip"),
      country_code: countryCode,
      province_code: z.string().min(1),
      city: z.string().min(1),
      postal_expression: z.string().min(1),
      metadata,
    })
    .strict(),
])

export const AdminCreateServiceZone = z.object({ name: z.string().trim().min(1), geo_zones: z.array(GeoZone).optional(), metadata }).strict()
export type AdminCreateServiceZone = z.infer<typeof AdminCreateServiceZone>
