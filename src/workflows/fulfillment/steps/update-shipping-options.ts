import { ContainerKeys } from "../../../framework/container/index.ts"
import type { Database } from "../../../framework/database/index.ts"
import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { FULFILLMENT_MODULE } from "../../../modules/fulfillment/index.ts"
import type {
  FulfillmentModuleService,
  ShippingOptionDTO,
  ShippingOptionRuleDTO,
  ShippingOptionRuleInput,
} from "../../../modules/fulfillment/index.ts"

/** A rule with an `id` changes that rule; one without is added. */
export type UpsertShippingOptionRuleInput = ({ id: string } & Partial<ShippingOptionRuleInput>) | (ShippingOptionRuleInput & { id?: undefined })

type OptionFields = {
  name?: string
  price_type?: "flat" | "calculated"
  data?: Record<string, unknown> | null
  metadata?: Record<string, unknown> | null
  provider_id?: string
  shipping_profile_id?: string
  type_id?: string
}

/** Changes to a shipping option. `type` gives it a new type; `rules`, when given, is its whole list of rules. */
export type UpdateShippingOptionInput = OptionFields & {
  id: string
  type?: { label: string; description?: string | null; code: string }
  rules?: UpsertShippingOptionRuleInput[]
}

type RuleRow = Pick<ShippingOptionRuleDTO, "id" | "attribute" | "operator" | "value" | "shipping_option_id">

type Undo = {
  options: ({ id: string } & OptionFields)[]
  /** Options whose rules were replaced, and the rules they had. */
  replacedRulesOf: string[]
  previousRules: RuleRow[]
  createdTypeIds: string[]
}

export const updateShippingOptionsStepId = "update-shipping-options-step"

/**
 * Changes shipping options, their type and their rules, in one transaction: not_found naming an
 * unknown option, shipping profile or type; invalid_data for a rule that is not the option's. Its
 * compensation puts back the fields, type and rules it replaced and deletes the types it created.
 */
export const updateShippingOptionsStep = createStep(
  updateShippingOptionsStepId,
  async (updates: UpdateShippingOptionInput[], { container }) => {
    const undo: Undo = { options: [], replacedRulesOf: [], previousRules: [], createdTypeIds: [] }
    if (updates.length === 0) return new StepResponse<ShippingOptionDTO[], Undo>([], undo)
    const service = container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
    const ids = updates.map((update) => update.id)
    const current = await service.listShippingOptions({ id: ids }, { relations: ["rules"] })
    const missing = ids.filter((id) => !current.some((option) => option.id === id))
    if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Shipping option with id: ${missing.join(", ")} was not found`)
    await mustExist("Shipping profile", updates.flatMap((u) => (u.shipping_profile_id ? [u.shipping_profile_id] : [])), (id) =>
      service.listShippingProfiles({ id }, { select: ["id"] }),
    )
    await mustExist("Shipping option type", updates.flatMap((u) => (u.type_id && !u.type ? [u.type_id] : [])), (id) =>
      service.listShippingOptionTypes({ id }, { select: ["id"] }),
    )

    await container.resolve<Database>(ContainerKeys.DATABASE).transaction(async () => {
      for (const { id, type, rules, ...fields } of updates) {
        const option = current.find((row) => row.id === id)!
        const changes: OptionFields = { ...fields }
        if (type) {
          const created = await service.createShippingOptionTypes(type)
          undo.createdTypeIds.push(created.id)
          changes.type_id = created.id
        }
        const keys = Object.keys(changes) as (keyof OptionFields)[]
        undo.options.push({ id, ...Object.fromEntries(keys.map((key) => [key, option[key]])) })
        if (keys.length > 0) await service.updateShippingOptions({ id, ...changes })
        if (rules) {
          const existing = option.rules ?? []
          undo.replacedRulesOf.push(id)
          undo.previousRules.push(...existing.map(({ id, attribute, operator, value, shipping_option_id }) => ({ id, attribute, operator, value, shipping_option_id })))
          await replaceRules(service, id, existing, rules)
        }
      }
    })
    const updated = await service.listShippingOptions({ id: ids }, { relations: ["type", "rules"] })
    return new StepResponse(
      ids.map((id) => updated.find((option) => option.id === id)!),
      undo,
    )
  },
  async (undo, { container }) => {
    if (!undo) return
    const service = container.resolve<FulfillmentModuleService>(FULFILLMENT_MODULE)
    await container.resolve<Database>(ContainerKeys.DATABASE).transaction(async () => {
      for (const { id, ...fields } of undo.options) if (Object.keys(fields).length > 0) await service.updateShippingOptions({ id, ...fields })
      if (undo.replacedRulesOf.length > 0) {
        const rules = await service.listShippingOptionRules({ shipping_option_id: undo.replacedRulesOf }, { select: ["id"] })
        await service.deleteShippingOptionRules(rules.map((rule) => rule.id))
        if (undo.previousRules.length > 0) await service.createShippingOptionRules(undo.previousRules)
      }
      await service.deleteShippingOptionTypes(undo.createdTypeIds)
    })
  },
)

/** Makes `wanted` the option's rules: entries with an id update that rule, others are added, the rest deleted. */
async function replaceRules(
  service: FulfillmentModuleService,
  optionId: string,
  existing: ShippingOptionRuleDTO[],
  wanted: UpsertShippingOptionRuleInput[],
): Promise<void> {
  const own = new Set(existing.map((rule) => rule.id))
  const foreign = wanted.flatMap((rule) => (rule.id !== undefined && !own.has(rule.id) ? [rule.id] : []))
  if (foreign.length > 0) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `rules: rule ${foreign.join(", ")} is not a rule of shipping option ${optionId}`)
  }
  const kept = new Set(wanted.flatMap((rule) => (rule.id === undefined ? [] : [rule.id])))
  await service.deleteShippingOptionRules(existing.filter((rule) => !kept.has(rule.id)).map((rule) => rule.id))
  const updates = wanted.filter((rule): rule is { id: string } & Partial<ShippingOptionRuleInput> => rule.id !== undefined)
  if (updates.length > 0) await service.updateShippingOptionRules(updates)
  const additions = wanted.filter((rule): rule is ShippingOptionRuleInput & { id?: undefined } => rule.id === undefined)
  if (additions.length > 0) {
    await service.createShippingOptionRules(additions.map(({ id: _, ...rule }) => ({ ...rule, shipping_option_id: optionId })))
  }
}

async function mustExist(label: string, ids: string[], list: (ids: string[]) => Promise<{ id: string }[]>): Promise<void> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return
  const found = await list(unique)
  const missing = unique.filter((id) => !found.some((row) => row.id === id))
  if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `${label} with id: ${missing.join(", ")} was not found`)
}
