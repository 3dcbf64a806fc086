import { AgoraError } from "../../framework/errors/index.ts"
import { projectRootOf, syncProviderRows } from "../../framework/modules/index.ts"
import type { Filters, FindConfig, ModuleDependencies } from "../../framework/modules/index.ts"
import { GeneratedCrud } from "./crud.ts"
import { checkGeoZone, checkGeoZones } from "./inputs/geo-zones.ts"
import { checkFulfillment } from "./inputs/fulfillment.ts"
import { invalid, itemField, requireOneOf, requireText } from "./inputs/invalid.ts"
import { checkRule } from "./inputs/rules.ts"
import { FULFILLMENT_SET_TYPES } from "./models/fulfillment-set.ts"
import { oneOrMany } from "../../framework/modules/index.ts"
import { listShippingOptionsForContext } from "./options-for-context.ts"
import type { ShippingOptionContext, ShippingOptionForContext } from "./options-for-context.ts"
import { FulfillmentProviderRegistry } from "./providers/registry.ts"
import type { FulfillmentOption, ProviderData } from "./providers/types.ts"
import { prepareShippingOptions } from "./shipping-options.ts"
import type {
  CreateFulfillmentInput,
  CreateFulfillmentSetInput,
  CreateGeoZoneInput,
  CreateServiceZoneInput,
  CreateShippingOptionInput,
  CreateShippingOptionRuleInput,
  FulfillmentDTO,
  FulfillmentProviderDTO,
  FulfillmentSetDTO,
  GeoZoneDTO,
  ServiceZoneDTO,
  ShippingOptionDTO,
  ShippingOptionRuleDTO,
  UpdateGeoZoneInput,
  UpdateShippingOptionRuleInput,
} from "./types.ts"

const REPLACED = [
  "createFulfillmentSets",
  "createServiceZones",
  "createGeoZones",
  "updateGeoZones",
  "createShippingOptions",
  "createShippingOptionRules",
  "updateShippingOptionRules",
  "deleteShippingProfiles",
  "softDeleteShippingProfiles",
  "listFulfillmentProviders",
  "listAndCountFulfillmentProviders",
  "retrieveFulfillmentProvider",
] as const

// Generated methods are set on each instance, where a method of the class would be hidden by them:
// the base leaves the replaced names out of its type, and fields (set after the base's constructor)
// take their place.
const Base = GeneratedCrud as unknown as {
  new (dependencies: ModuleDependencies, options?: Record<string, unknown>): Omit<GeneratedCrud, (typeof REPLACED)[number]>
}

/**
 * Where goods can be shipped (fulfillment sets, service zones, geo zones), how (shipping profiles and
 * options with their rules), and the fulfillments made through providers.
 */
export class FulfillmentModuleService extends Base {
  private readonly crud: GeneratedCrud
  private readonly dependencies: ModuleDependencies
  private registry: Promise<FulfillmentProviderRegistry> | undefined

  constructor(dependencies: ModuleDependencies, options: Record<string, unknown> = {}) {
    super(dependencies, options)
    this.dependencies = dependencies
    this.crud = new GeneratedCrud(dependencies, options)
  }

  /** Creates fulfillment sets with their service zones and geo zones given inline. */
  readonly createFulfillmentSets = oneOrMany(async (inputs: CreateFulfillmentSetInput[]): Promise<FulfillmentSetDTO[]> => {
    const sets = inputs.map((input, i) => {
      const field = itemField(inputs.length, i, "fulfillment_set", "fulfillment_sets")
      requireText(input.name, `${field}.name`)
      requireOneOf(input.type, FULFILLMENT_SET_TYPES, `${field}.type`)
      const zones = input.service_zones?.map((zone, z) => checkServiceZone(zone, `${field}.service_zones[${z}]`))
      return { ...input, service_zones: zones }
    })
    return this.crud.createFulfillmentSets(sets)
  })

  /** Creates service zones in a fulfillment set, with their geo zones given inline. */
  readonly createServiceZones = oneOrMany(
    async (inputs: (CreateServiceZoneInput & { fulfillment_set_id: string })[]): Promise<ServiceZoneDTO[]> => {
      const zones = inputs.map((input, i) => {
        const field = itemField(inputs.length, i, "service_zone", "service_zones")
        requireText(input.fulfillment_set_id, `${field}.fulfillment_set_id`)
        return { ...checkServiceZone(input, field), fulfillment_set_id: input.fulfillment_set_id }
      })
      return this.crud.createServiceZones(zones)
    },
  )

  readonly createGeoZones = oneOrMany(async (inputs: CreateGeoZoneInput[]): Promise<GeoZoneDTO[]> => {
    return this.crud.createGeoZones(inputs.map((input, i) => checkGeoZone(input, itemField(inputs.length, i, "geo_zone", "geo_zones"))))
  })

  /** Updates geo zones; the result must still be a valid zone of its type. */
  readonly updateGeoZones = oneOrMany(async (inputs: UpdateGeoZoneInput[]): Promise<GeoZoneDTO[]> => {
    const existing = await this.existing("GeoZone", inputs, (ids) => this.crud.listGeoZones({ id: ids }))
    return this.crud.updateGeoZones(
      inputs.map((input, i) => {
        const merged = checkGeoZone({ ...existing.get(input.id), ...input }, itemField(inputs.length, i, "geo_zone", "geo_zones"))
        return { ...input, type: merged.type, country_code: merged.country_code }
      }),
    )
  })

  /**
   * Creates shipping options with their rules, each with a new type (`type`) or an existing one
   * (`type_id`). Returns them with `type` and `rules`.
   */
  readonly createShippingOptions = oneOrMany(async (inputs: CreateShippingOptionInput[]): Promise<ShippingOptionDTO[]> => {
    const registry = await this.providers()
    const ids = await this.database.transaction(async () => {
      const rows = await prepareShippingOptions(this.crud, registry, inputs)
      const created = await this.crud.createShippingOptions(rows)
      return created.map((option) => option.id)
    })
    const options = await this.crud.listShippingOptions({ id: ids }, { relations: ["type", "rules"] })
    return options.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
  })

  readonly createShippingOptionRules = oneOrMany(
    async (inputs: CreateShippingOptionRuleInput[]): Promise<ShippingOptionRuleDTO[]> => {
      const rules = inputs.map((input, i) => {
        const field = itemField(inputs.length, i, "rule", "rules")
        requireText(input.shipping_option_id, `${field}.shipping_option_id`)
        return checkRule(input, field)
      })
      return this.crud.createShippingOptionRules(rules)
    },
  )

  /** Updates rules; the operator and value must still fit together. */
  readonly updateShippingOptionRules = oneOrMany(
    async (inputs: UpdateShippingOptionRuleInput[]): Promise<ShippingOptionRuleDTO[]> => {
      const existing = await this.existing("ShippingOptionRule", inputs, (ids) => this.crud.listShippingOptionRules({ id: ids }))
      return this.crud.updateShippingOptionRules(
        inputs.map((input, i) => {
          const field = itemField(inputs.length, i, "rule", "rules")
          const { attribute, operator, value } = checkRule({ ...existing.get(input.id), ...input }, field)
          return { id: input.id, attribute, operator, value }
        }),
      )
    },
  )

  /** Deletes shipping profiles that no shipping option uses. */
  readonly deleteShippingProfiles = async (ids: string | string[]): Promise<void> => {
    await this.refuseProfilesInUse([ids].flat())
    await this.crud.deleteShippingProfiles(ids)
  }

  readonly softDeleteShippingProfiles = async (ids: string | string[]): Promise<void> => {
    await this.refuseProfilesInUse([ids].flat())
    await this.crud.softDeleteShippingProfiles(ids)
  }

  /** The configured providers (`manual_manual` is always there). */
  readonly listFulfillmentProviders = async (
    filters: Filters<FulfillmentProviderDTO> = {},
    config: FindConfig<FulfillmentProviderDTO> = {},
  ): Promise<FulfillmentProviderDTO[]> => {
    await this.providers()
    return this.crud.listFulfillmentProviders(filters, config)
  }

  readonly listAndCountFulfillmentProviders = async (
    filters: Filters<FulfillmentProviderDTO> = {},
    config: FindConfig<FulfillmentProviderDTO> = {},
  ): Promise<[FulfillmentProviderDTO[], number]> => {
    await this.providers()
    return this.crud.listAndCountFulfillmentProviders(filters, config)
  }

  readonly retrieveFulfillmentProvider = async (
    id: string,
    config: FindConfig<FulfillmentProviderDTO> = {},
  ): Promise<FulfillmentProviderDTO> => {
    await this.providers()
    return this.crud.retrieveFulfillmentProvider(id, config)
  }

  /** Shipping options whose service zone covers the address and whose rules hold in the context; one query. */
  async listShippingOptionsForContext(context: ShippingOptionContext): Promise<ShippingOptionForContext[]> {
    if (typeof context?.address?.country_code !== "string" || context.address.country_code.trim() === "") {
      throw invalid("address.country_code", "is required to list shipping options")
    }
    await this.providers()
    return listShippingOptionsForContext(this.database, context)
  }

  /** Whether the option is available for the address and context. */
  async validateShippingOption(id: string, context: ShippingOptionContext): Promise<boolean> {
    return (await this.listShippingOptionsForContext({ ...context, id })).length > 0
  }

  /** Fails naming the options that do not exist (`not_found`) or are not available for the address and context (`invalid_data`). */
  async assertShippingOptionsAvailable(ids: string[], context: ShippingOptionContext): Promise<void> {
    const available = await this.listShippingOptionsForContext({ ...context, id: ids })
    const unavailable = ids.filter((id) => !available.some((option) => option.id === id))
    if (unavailable.length > 0) {
      // Only now, to tell an option that does not exist (not_found first) from one not offered here.
      const known = await this.crud.listShippingOptions({ id: unavailable }, { select: ["id"] })
      const missing = unavailable.filter((id) => !known.some((option) => option.id === id))
      if (missing.length > 0) {
        throw new AgoraError(AgoraError.Types.NOT_FOUND, `Shipping option with id: ${missing.join(", ")} was not found`)
      }
      throw new AgoraError(
        AgoraError.Types.INVALID_DATA,
        `Shipping option ${unavailable.join(", ")} is not available for the shipping address and context given`,
      )
    }
  }

  /** The options a provider offers, for an admin to pick one for a shipping option's `data`. */
  async retrieveFulfillmentOptions(providerId: string): Promise<FulfillmentOption[]> {
    return (await this.providers()).get(providerId).getFulfillmentOptions()
  }

  async validateFulfillmentOption(providerId: string, data: ProviderData): Promise<boolean> {
    return (await this.providers()).get(providerId).validateOption(data)
  }

  /** Lets the provider check (and complete) the data a customer gives with a shipping option; returns the data to keep. */
  async validateFulfillmentData(
    providerId: string,
    optionData: ProviderData,
    data: ProviderData,
    context: Record<string, unknown> = {},
  ): Promise<ProviderData> {
    return (await this.providers()).get(providerId).validateFulfillmentData(optionData, data, context)
  }

  /**
   * Creates a fulfillment with its items, labels and delivery address, through its provider; nothing
   * is stored when the provider fails. Returns it with `items`, `labels` and `delivery_address`.
   */
  async createFulfillment(input: CreateFulfillmentInput): Promise<FulfillmentDTO> {
    const provider = (await this.providers()).get(checkFulfillment(input))
    const { order, delivery_address: address, items, labels, data, ...fields } = input
    const id = await this.database.transaction(async () => {
      const delivery = address ? await this.crud.createFulfillmentAddresses(address) : null
      const fulfillment = await this.crud.createFulfillments({
        ...fields,
        data: data ?? {},
        delivery_address_id: delivery?.id ?? null,
        items,
        labels: labels ?? [],
      })
      const result = await provider.createFulfillment(data ?? {}, items, order ?? {}, fulfillment)
      await this.crud.updateFulfillments({ id: fulfillment.id, data: result.data ?? {} })
      const extra = (result.labels ?? []).map((label) => ({ ...label, fulfillment_id: fulfillment.id }))
      if (extra.length > 0) await this.crud.createFulfillmentLabels(extra)
      return fulfillment.id
    })
    return this.retrieveFulfillment(id, { relations: ["items", "labels", "delivery_address"] })
  }

  /** Cancels a fulfillment that has not shipped, through its provider; idempotent. */
  async cancelFulfillment(id: string): Promise<FulfillmentDTO> {
    await this.database.transaction(async () => {
      await this.database.execute(`select id from fulfillment where id = ? for update`, [id])
      const fulfillment = await this.retrieveFulfillment(id)
      if (fulfillment.canceled_at) return
      if (fulfillment.shipped_at) throw invalid(`Fulfillment ${id}`, "was already shipped and cannot be canceled")
      if (fulfillment.delivered_at) throw invalid(`Fulfillment ${id}`, "was already delivered and cannot be canceled")
      if (fulfillment.provider_id) {
        await (await this.providers()).get(fulfillment.provider_id).cancelFulfillment(fulfillment.data ?? {})
      }
      await this.crud.updateFulfillments({ id, canceled_at: new Date() })
    })
    return this.retrieveFulfillment(id, { relations: ["items", "labels"] })
  }

  private async refuseProfilesInUse(ids: string[]): Promise<void> {
    const options = await this.crud.listShippingOptions({ shipping_profile_id: ids }, { select: ["shipping_profile_id"] })
    const used = [...new Set(options.map((option) => option.shipping_profile_id))]
    if (used.length > 0) {
      throw new AgoraError(
        AgoraError.Types.NOT_ALLOWED,
        `Shipping profile ${used.join(", ")} is used by shipping options: delete them first`,
      )
    }
  }

  /** The current rows of the inputs' ids; `not_found` naming any that do not exist. */
  private async existing<Row extends { id: string }>(
    label: string,
    inputs: { id: string }[],
    list: (ids: string[]) => Promise<Row[]>,
  ): Promise<Map<string, Row>> {
    const ids = inputs.map((input) => input.id)
    const rows = new Map((await list(ids)).map((row) => [row.id, row]))
    const missing = ids.filter((id) => !rows.has(id))
    if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `${label} with id: ${missing.join(", ")} was not found`)
    return rows
  }

  /**
   * The provider registry, built on first use: providers may be files to import. The first use also
   * records the configured providers in `fulfillment_provider` (and disables rows no longer configured).
   */
  private providers(): Promise<FulfillmentProviderRegistry> {
    this.registry ??= this.loadProviders().catch((error: unknown) => {
      this.registry = undefined
      throw error
    })
    return this.registry
  }

  private async loadProviders(): Promise<FulfillmentProviderRegistry> {
    const registry = await FulfillmentProviderRegistry.load(this.options, projectRootOf(this.dependencies))
    await syncProviderRows(this.database, "fulfillment_provider", registry.ids())
    return registry
  }
}

function checkServiceZone<Input extends CreateServiceZoneInput>(input: Input, field: string): Input {
  requireText(input.name, `${field}.name`)
  return { ...input, geo_zones: checkGeoZones(input.geo_zones, `${field}.geo_zones`) }
}
