import { AgoraError } from "../../framework/errors/index.ts"
import type { GeneratedCrud } from "./crud.ts"
import { invalid, itemField, requireOneOf, requireText } from "./inputs/invalid.ts"
import { checkRules } from "./inputs/rules.ts"
import { PRICE_TYPES } from "./models/shipping-option.ts"
import type { FulfillmentProviderRegistry } from "./providers/registry.ts"
import type { CreateShippingOptionInput } from "./types.ts"

/**
 * Checks new shipping options (fields, rules, the provider's say on price type and data, the rows
 * they point at) and creates the types given inline; returns the rows to create, rules inline.
 */
export async function prepareShippingOptions(
  crud: GeneratedCrud,
  registry: FulfillmentProviderRegistry,
  inputs: CreateShippingOptionInput[],
) {
  const checked = []
  for (const [i, input] of inputs.entries()) {
    const field = itemField(inputs.length, i, "shipping_option", "shipping_options")
    requireText(input.name, `${field}.name`)
    const priceType = requireOneOf(input.price_type ?? "flat", PRICE_TYPES, `${field}.price_type`)
    requireText(input.service_zone_id, `${field}.service_zone_id`)
    requireText(input.shipping_profile_id, `${field}.shipping_profile_id`)
    const provider = registry.get(requireText(input.provider_id, `${field}.provider_id`))
    if (input.type) {
      requireText(input.type.label, `${field}.type.label`)
      requireText(input.type.code, `${field}.type.code`)
    } else if (!input.type_id) {
      throw invalid(`${field}.type`, "is required: give a new type ({ label, code, description }) or a type_id")
    }
    const rules = checkRules(input.rules, `${field}.rules`)
    const data = input.data ?? {}
    if (priceType === "calculated" && !(await provider.canCalculate(data))) {
      throw invalid(`${field}.price_type`, `calculated is not supported by provider ${input.provider_id} for this option's data`)
    }
    if (!(await provider.validateOption(data))) throw invalid(`${field}.data`, `is not an option of provider ${input.provider_id}`)
    checked.push({ ...input, price_type: priceType, rules })
  }
  await mustExist("Service zone", checked.map((input) => input.service_zone_id), (id) => crud.listServiceZones({ id }, { select: ["id"] }))
  await mustExist("Shipping profile", checked.map((input) => input.shipping_profile_id), (id) =>
    crud.listShippingProfiles({ id }, { select: ["id"] }),
  )
  const typeIds = checked.flatMap((input) => (input.type || !input.type_id ? [] : [input.type_id]))
  await mustExist("Shipping option type", typeIds, (id) => crud.listShippingOptionTypes({ id }, { select: ["id"] }))

  const newTypes = checked.flatMap((input) => (input.type ? [input.type] : []))
  const created = newTypes.length > 0 ? await crud.createShippingOptionTypes(newTypes) : []
  const createdIds = created.map((row) => row.id)
  return checked.map(({ type, type_id, ...option }) => {
    const typeId = type ? createdIds.shift() : type_id
    if (typeId === undefined) throw new Error(`Shipping option ${option.name} has no type`)
    return { ...option, type_id: typeId }
  })
}

async function mustExist(label: string, ids: string[], list: (ids: string[]) => Promise<{ id: string }[]>): Promise<void> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return
  const found = new Set((await list(unique)).map((row) => row.id))
  const missing = unique.filter((id) => !found.has(id))
  if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `${label} with id: ${missing.join(", ")} was not found`)
}
