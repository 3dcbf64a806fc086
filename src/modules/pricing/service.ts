import { AgoraError } from "../../framework/errors/index.ts"
import { ModuleService } from "../../framework/modules/index.ts"
import type { ModuleDependencies } from "../../framework/modules/index.ts"
import { calculatePrices } from "./calculate-prices.ts"
import { Price } from "./models/price.ts"
import { PriceRule } from "./models/price-rule.ts"
import { PriceSet } from "./models/price-set.ts"
import type {
  AddPricesInput,
  CalculatedPriceSet,
  CreatePriceInput,
  CreatePriceSetInput,
  PriceRow,
  PriceRuleRow,
  PriceSetWithPrices,
  PriceWithRules,
  PricesSnapshot,
  PricingContext,
  UpdatePriceSetInput,
} from "./types.ts"
import { checkNewPrice, checkPriceChanges, checkRules } from "./validate-price.ts"
import type { PriceColumns } from "./validate-price.ts"

const models = { PriceSet, Price, PriceRule }

/** The generated CRUD as is: the Medusa-style methods of PricingModuleService build on it. */
class PricingCrud extends ModuleService(models) {}

const REPLACED = ["createPriceSets", "updatePriceSets"] as const

// ModuleService sets the generated methods on each instance, where they would hide this class's own
// methods of the same name: the service extends the generated class without them, and drops them.
const GeneratedService: new (
  dependencies: ModuleDependencies,
  options?: Record<string, unknown>,
) => Omit<PricingCrud, (typeof REPLACED)[number]> = PricingCrud

export class PricingModuleService extends GeneratedService {
  static readonly models = models
  private readonly crud: PricingCrud

  constructor(dependencies: ModuleDependencies, options: Record<string, unknown> = {}) {
    super(dependencies, options)
    this.crud = new PricingCrud(dependencies, options)
    for (const name of REPLACED) Reflect.deleteProperty(this, name)
  }

  /** Creates price sets with their prices (`rules: { region_id }` scopes a price to a region). */
  async createPriceSets(data: CreatePriceSetInput): Promise<PriceSetWithPrices>
  async createPriceSets(data: CreatePriceSetInput[]): Promise<PriceSetWithPrices[]>
  async createPriceSets(data: CreatePriceSetInput | CreatePriceSetInput[]): Promise<PriceSetWithPrices | PriceSetWithPrices[]> {
    const rows = (Array.isArray(data) ? data : [data]).map((set, i) => ({
      prices: (set.prices ?? []).map((price, j) => newPriceRow(price, `Price ${j + 1} of price set ${i + 1}`)),
    }))
    const created = await this.crud.createPriceSets(rows)
    const sets = created.map((set) => ({ ...set, prices: (set.prices ?? []).map(withRules) }))
    return Array.isArray(data) ? sets : sets[0]!
  }

  /** Adds prices to existing price sets; returns each set with all its prices. */
  async addPrices(data: AddPricesInput): Promise<PriceSetWithPrices>
  async addPrices(data: AddPricesInput[]): Promise<PriceSetWithPrices[]>
  async addPrices(data: AddPricesInput | AddPricesInput[]): Promise<PriceSetWithPrices | PriceSetWithPrices[]> {
    const inputs = Array.isArray(data) ? data : [data]
    const rows = inputs.flatMap(({ priceSetId, prices }) =>
      prices.map((price, i) => ({ ...newPriceRow(price, `Price ${i + 1} for price set ${priceSetId}`), price_set_id: priceSetId })),
    )
    const sets = await this.database.transaction(async () => {
      const ids = inputs.map((input) => input.priceSetId)
      await this.assertPriceSetsExist(ids)
      if (rows.length > 0) await this.crud.createPrices(rows)
      return this.priceSetsWithPrices(ids)
    })
    return Array.isArray(data) ? sets : sets[0]!
  }

  /**
   * Replaces the prices of price sets: entries with an `id` update that price, entries without one
   * are added, and the set's prices left out of the list are deleted.
   */
  async updatePriceSets(data: UpdatePriceSetInput): Promise<PriceSetWithPrices>
  async updatePriceSets(data: UpdatePriceSetInput[]): Promise<PriceSetWithPrices[]>
  async updatePriceSets(data: UpdatePriceSetInput | UpdatePriceSetInput[]): Promise<PriceSetWithPrices | PriceSetWithPrices[]> {
    const inputs = Array.isArray(data) ? data : [data]
    const sets = await this.database.transaction(async () => {
      const ids = inputs.map((input) => input.id)
      await this.assertPriceSetsExist(ids)
      for (const input of inputs) if (input.prices) await this.replacePrices(input.id, input.prices)
      return this.priceSetsWithPrices(ids)
    })
    return Array.isArray(data) ? sets : sets[0]!
  }

  /**
   * The price each price set gives a context (`{ currency_code, region_id?, quantity? }`), as a
   * variant's `calculated_price`. Sets without an applicable price are left out. One query in all.
   */
  async calculatePrices(filters: { id: string | string[] }, pricingContext: PricingContext): Promise<CalculatedPriceSet[]> {
    const ids = Array.isArray(filters.id) ? filters.id : [filters.id]
    return calculatePrices(this.database, ids, pricingContext)
  }

  /** The sets' prices as they are now (same ids, amounts and rules), for a compensation to restore. */
  async snapshotPrices(priceSetIds: string[]): Promise<PricesSnapshot> {
    if (priceSetIds.length === 0) return { priceSetIds, prices: [] }
    const prices = await this.crud.listPrices({ price_set_id: priceSetIds }, { order: { created_at: "ASC" } })
    const rules = prices.length === 0 ? [] : await this.crud.listPriceRules({ price_id: prices.map((price) => price.id) })
    return {
      priceSetIds,
      prices: prices.map((price) => ({
        id: price.id,
        price_set_id: price.price_set_id,
        amount: price.amount,
        currency_code: price.currency_code,
        min_quantity: price.min_quantity,
        max_quantity: price.max_quantity,
        price_rules: rules.filter((rule) => rule.price_id === price.id).map(({ id, attribute, value }) => ({ id, attribute, value })),
      })),
    }
  }

  /** Puts the snapshot's sets back to exactly the prices it holds; prices added since are deleted. */
  async restorePriceSnapshot(snapshot: PricesSnapshot): Promise<void> {
    if (snapshot.priceSetIds.length === 0) return
    await this.database.transaction(async () => {
      const current = await this.crud.listPrices({ price_set_id: snapshot.priceSetIds }, { select: ["id"] })
      await this.crud.deletePrices(current.map((price) => price.id))
      if (snapshot.prices.length > 0) await this.crud.createPrices(snapshot.prices)
    })
  }

  private async replacePrices(priceSetId: string, prices: UpdatePriceSetInput["prices"] & {}): Promise<void> {
    const current = await this.crud.listPrices({ price_set_id: priceSetId }, { select: ["id"] })
    const currentIds = new Set(current.map((price) => price.id))
    const updates: (PriceColumns & { id: string })[] = []
    const newRules: { price_id: string; attribute: string; value: string }[] = []
    const replacedRulesOf: string[] = []
    const creates: ReturnType<typeof newPriceRow>[] = []
    for (const [i, price] of prices.entries()) {
      const label = `Price ${i + 1} for price set ${priceSetId}`
      const id = price.id
      if (id === undefined) {
        creates.push(newPriceRow(price, label))
        continue
      }
      if (!currentIds.has(id)) throw new AgoraError(AgoraError.Types.INVALID_DATA, `${label}: price ${id} is not in this price set`)
      updates.push({ id, ...checkPriceChanges(price, label) })
      if (price.rules !== undefined) {
        replacedRulesOf.push(id)
        newRules.push(...checkRules(price.rules, label).map((rule) => ({ ...rule, price_id: id })))
      }
    }
    const kept = new Set(updates.map((update) => update.id))
    await this.crud.deletePrices([...currentIds].filter((id) => !kept.has(id)))
    if (updates.length > 0) await this.crud.updatePrices(updates)
    if (replacedRulesOf.length > 0) {
      const oldRules = await this.crud.listPriceRules({ price_id: replacedRulesOf }, { select: ["id"] })
      await this.crud.deletePriceRules(oldRules.map((rule) => rule.id))
    }
    if (newRules.length > 0) await this.crud.createPriceRules(newRules)
    if (creates.length > 0) await this.crud.createPrices(creates.map((row) => ({ ...row, price_set_id: priceSetId })))
  }

  private async assertPriceSetsExist(ids: string[]): Promise<void> {
    const found = await this.crud.listPriceSets({ id: [...new Set(ids)] }, { select: ["id"] })
    const missing = ids.find((id) => !found.some((set) => set.id === id))
    if (missing) throw new AgoraError(AgoraError.Types.NOT_FOUND, `PriceSet with id: ${missing} was not found`)
  }

  /** The sets with their prices and rules, read with plain selects (never from entities loaded earlier). */
  private async priceSetsWithPrices(ids: string[]): Promise<PriceSetWithPrices[]> {
    const sets = await this.crud.listPriceSets({ id: ids })
    const prices = await this.crud.listPrices({ price_set_id: ids }, { order: { created_at: "ASC" } })
    const rules = prices.length > 0 ? await this.crud.listPriceRules({ price_id: prices.map((p) => p.id) }) : []
    const byId = new Map(
      sets.map((set) => {
        const own = prices.filter((price) => price.price_set_id === set.id)
        return [set.id, { ...set, prices: own.map((price) => withRules({ ...price, price_rules: rules.filter((r) => r.price_id === price.id) })) }]
      }),
    )
    return ids.map((id) => byId.get(id)!)
  }
}

function newPriceRow(price: CreatePriceInput, label: string) {
  return { ...checkNewPrice(price, label), price_rules: checkRules(price.rules, label) }
}

/** A price with its rules also as a flat map, as the admin API shows them. */
function withRules(price: PriceRow): PriceWithRules {
  const priceRules: PriceRuleRow[] = price.price_rules ?? []
  return { ...price, price_rules: priceRules, rules: Object.fromEntries(priceRules.map((rule) => [rule.attribute, rule.value])) }
}
