import { AgoraError } from "../../framework/errors/index.ts"
import { ModuleService } from "../../framework/modules/index.ts"
import type { Filters, InferEntity, ModuleDependencies } from "../../framework/modules/index.ts"
import { Store } from "./models/store.ts"
import { StoreCurrency } from "./models/store-currency.ts"

export type StoreDTO = InferEntity<typeof Store>

export type StoreCurrencyInput = { currency_code: string; is_default?: boolean }

export type CreateStoreInput = {
  id?: string
  name?: string
  default_sales_channel_id?: string | null
  default_region_id?: string | null
  default_location_id?: string | null
  metadata?: Record<string, unknown> | null
  /** At most one of them is the default. */
  supported_currencies?: StoreCurrencyInput[]
}

/** `supported_currencies`, when given, replaces the store's currencies. */
export type UpdateStoreInput = { id: string } & Omit<CreateStoreInput, "id">

type StoreChanges = Omit<UpdateStoreInput, "id">

const GeneratedCrud = ModuleService({ Store, StoreCurrency })
type GeneratedCrud = InstanceType<typeof GeneratedCrud>
const REPLACED = ["createStores", "updateStores"] as const

// Generated methods are set on each instance, so a method below with the same name would be hidden by
// them: the base leaves the replaced names out of its type, and the constructor removes them.
const Base = GeneratedCrud as unknown as {
  new (dependencies: ModuleDependencies, options?: Record<string, unknown>): Omit<GeneratedCrud, (typeof REPLACED)[number]>
  readonly models: typeof GeneratedCrud.models
}

export class StoreModuleService extends Base {
  private readonly crud: GeneratedCrud

  constructor(dependencies: ModuleDependencies, options: Record<string, unknown> = {}) {
    super(dependencies, options)
    this.crud = new GeneratedCrud(dependencies, options)
    for (const name of REPLACED) Reflect.deleteProperty(this, name)
  }

  /** Creates stores with their currencies. Returns them with `supported_currencies`. */
  async createStores(data: CreateStoreInput): Promise<StoreDTO>
  async createStores(data: CreateStoreInput[]): Promise<StoreDTO[]>
  async createStores(data: CreateStoreInput | CreateStoreInput[]): Promise<StoreDTO | StoreDTO[]> {
    const inputs = (Array.isArray(data) ? data : [data]).map((input) => ({
      ...input,
      supported_currencies: currenciesOf(input.supported_currencies) ?? [],
    }))
    const created = await this.crud.createStores(inputs)
    const stores = await this.withCurrencies(created.map((store) => store.id))
    return Array.isArray(data) ? stores : (stores[0] as StoreDTO)
  }

  /** Updates stores; `supported_currencies`, when given, replaces each store's currencies. */
  async updateStores(data: UpdateStoreInput): Promise<StoreDTO>
  async updateStores(data: UpdateStoreInput[]): Promise<StoreDTO[]>
  async updateStores(data: { selector: Filters<StoreDTO>; data: StoreChanges }): Promise<StoreDTO[]>
  async updateStores(
    data: UpdateStoreInput | UpdateStoreInput[] | { selector: Filters<StoreDTO>; data: StoreChanges },
  ): Promise<StoreDTO | StoreDTO[]> {
    const ids = await this.database.transaction(async () => {
      const inputs =
        !Array.isArray(data) && "selector" in data
          ? (await this.listStores(data.selector, { select: ["id"] })).map((store) => ({ ...data.data, id: store.id }))
          : Array.isArray(data)
            ? data
            : [data]
      const currencies = inputs.map((input) => currenciesOf(input.supported_currencies))
      await this.crud.updateStores(inputs.map(({ supported_currencies: _, ...changes }) => changes))
      for (const [i, input] of inputs.entries()) {
        const wanted = currencies[i]
        if (wanted) await this.replaceCurrencies(input.id, wanted)
      }
      return inputs.map((input) => input.id)
    })
    const stores = await this.withCurrencies(ids)
    return Array.isArray(data) || "selector" in data ? stores : (stores[0] as StoreDTO)
  }

  /** Keeps the rows of currencies still wanted, so their ids survive; adds and removes the others. */
  private async replaceCurrencies(storeId: string, wanted: StoreCurrencyInput[]): Promise<void> {
    const existing = await this.listStoreCurrencies({ store_id: storeId })
    const codes = new Set(wanted.map((currency) => currency.currency_code))
    const dropped = existing.filter((currency) => !codes.has(currency.currency_code))
    await this.deleteStoreCurrencies(dropped.map((currency) => currency.id))
    // Unset every default first: at most one row per store may be the default at any moment.
    await this.updateStoreCurrencies({ selector: { store_id: storeId, is_default: true }, data: { is_default: false } })
    const kept = new Map(existing.map((currency) => [currency.currency_code, currency.id]))
    const added = wanted.filter((currency) => !kept.has(currency.currency_code))
    await this.createStoreCurrencies(added.map((currency) => ({ ...currency, store_id: storeId })))
    const newDefault = wanted.find((currency) => currency.is_default && kept.has(currency.currency_code))
    if (newDefault) await this.updateStoreCurrencies({ id: kept.get(newDefault.currency_code) as string, is_default: true })
  }

  private async withCurrencies(ids: string[]): Promise<StoreDTO[]> {
    const stores = await this.listStores({ id: ids }, { relations: ["supported_currencies"] })
    for (const store of stores) store.supported_currencies?.sort((a, b) => a.currency_code.localeCompare(b.currency_code))
    return ids.map((id) => stores.find((store) => store.id === id) as StoreDTO)
  }
}

/** Validated, lowercased currencies: each code once, at most one default. */
function currenciesOf(currencies: StoreCurrencyInput[] | undefined): StoreCurrencyInput[] | undefined {
  if (currencies === undefined) return undefined
  if (!Array.isArray(currencies)) invalid("supported_currencies must be a list of { currency_code, is_default }")
  const normalized = currencies.map((currency) => {
    const code = currency?.currency_code
    if (typeof code !== "string" || !/^[a-z]{3}$/i.test(code)) {
      invalid(`supported_currencies: currency_code must be a 3-letter ISO 4217 code, got "${String(code)}"`)
    }
    return { currency_code: code.toLowerCase(), is_default: currency.is_default === true }
  })
  const codes = normalized.map((currency) => currency.currency_code)
  const duplicates = [...new Set(codes.filter((code, i) => codes.indexOf(code) !== i))]
  if (duplicates.length > 0) invalid(`supported_currencies: duplicate currency codes: ${duplicates.join(", ")}`)
  const defaults = normalized.filter((currency) => currency.is_default).map((currency) => currency.currency_code)
  if (defaults.length > 1) {
    invalid(`supported_currencies: only one default currency is allowed, got ${defaults.join(", ")}`)
  }
  return normalized
}

function invalid(reason: string): never {
  throw new AgoraError(AgoraError.Types.INVALID_DATA, `Store: ${reason}`)
}
