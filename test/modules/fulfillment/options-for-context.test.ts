import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { countStatements } from "../../setup/count-statements.ts"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { CreateShippingOptionInput, GeoZoneInput } from "../../../src/modules/fulfillment/index.ts"
import { rejection, SCRIPTED_PROVIDER_ID, startFulfillmentApp, unique } from "./fulfillment-app.ts"
import type { FulfillmentApp } from "./fulfillment-app.ts"

let t: FulfillmentApp
let profileId: string
beforeAll(async () => {
  t = await startFulfillmentApp()
  profileId = (await t.fulfillment.createShippingProfiles({ name: "Default", type: "default" })).id
})
afterAll(() => t.close())

const STORE = [
  { attribute: "enabled_in_store", operator: "eq" as const, value: "true" },
  { attribute: "is_return", operator: "eq" as const, value: "false" },
]

/** A fulfillment set with one service zone covering `geoZones`, and one option per entry of `options` in it. */
async function zoneWith(geoZones: GeoZoneInput[], options: Partial<CreateShippingOptionInput>[] = [{}]) {
  const set = await t.fulfillment.createFulfillmentSets({
    name: unique("set"),
    type: "shipping",
    service_zones: [{ name: unique("zone"), geo_zones: geoZones }],
  })
  const zoneId = set.service_zones?.[0]?.id as string
  const created = await t.fulfillment.createShippingOptions(
    options.map((overrides) => ({
      name: unique("option"),
      service_zone_id: zoneId,
      shipping_profile_id: profileId,
      provider_id: "manual_manual",
      type: { label: "Standard", code: "standard" },
      rules: STORE,
      ...overrides,
    })),
  )
  return { setId: set.id, zoneId, ids: created.map((option) => option.id) }
}

/** The ids of the options found, sorted: options created together may come back in any order. */
const idsFor = async (context: Parameters<FulfillmentApp["fulfillment"]["listShippingOptionsForContext"]>[0]) =>
  sorted((await t.fulfillment.listShippingOptionsForContext(context)).map((option) => option.id))

const sorted = (ids: (string | undefined)[]) => [...ids].sort()

describe("listShippingOptionsForContext: addresses", () => {
  test("a country zone covers every address of the country, whatever the case of its code", async () => {
    const { setId, ids } = await zoneWith([{ country_code: "se" }])

    expect(await idsFor({ fulfillment_set_ids: [setId], address: { country_code: "SE", city: "Malmö" } })).toEqual(sorted(ids))
    expect(await idsFor({ fulfillment_set_ids: [setId], address: { country_code: "no" } })).toEqual([])
  })

  test("a province zone needs the address's province; a city zone its province and city", async () => {
    const { setId: provinceSet, ids: provinceOptions } = await zoneWith([{ type: "province", country_code: "ca", province_code: "QC" }])
    const { setId: citySet, ids: cityOptions } = await zoneWith([
      { type: "city", country_code: "ca", province_code: "qc", city: "Montréal" },
    ])
    const sets = [provinceSet, citySet]

    expect(await idsFor({ fulfillment_set_ids: sets, address: { country_code: "ca" } })).toEqual([])
    expect(await idsFor({ fulfillment_set_ids: sets, address: { country_code: "ca", province_code: "on", city: "Montréal" } })).toEqual([])
    expect(await idsFor({ fulfillment_set_ids: sets, address: { country_code: "ca", province_code: "qc", city: "Québec" } })).toEqual(sorted(provinceOptions))
    expect(await idsFor({ fulfillment_set_ids: sets, address: { country_code: "ca", province_code: "Qc", city: "montréal" } })).toEqual(sorted([
      ...provinceOptions,
      ...cityOptions,
    ]))
  })

  test("a zip zone matches a postal code exactly, or by prefix when its expression ends in *", async () => {
    const base = { type: "zip" as const, country_code: "gb", province_code: "eng", city: "London" }
    const { setId: exactSet, ids: exact } = await zoneWith([{ ...base, postal_expression: "SW1A 1AA" }])
    const { setId: prefixSet, ids: prefix } = await zoneWith([{ ...base, postal_expression: "SW1*" }])
    const sets = [exactSet, prefixSet]
    const at = (postal_code: string | null) => ({ country_code: "gb", province_code: "eng", city: "london", postal_code })

    expect(await idsFor({ fulfillment_set_ids: sets, address: at("sw1a1aa") })).toEqual(sorted([...exact, ...prefix]))
    expect(await idsFor({ fulfillment_set_ids: sets, address: at("SW1P 3BU") })).toEqual(sorted(prefix))
    expect(await idsFor({ fulfillment_set_ids: sets, address: at("E1 6AN") })).toEqual([])
    expect(await idsFor({ fulfillment_set_ids: sets, address: at(null) })).toEqual([])
  })

  test("a postal expression's % or _ are plain characters, not wildcards", async () => {
    const { setId } = await zoneWith([{ type: "zip", country_code: "nl", province_code: "nh", city: "amsterdam", postal_expression: "10_1" }])
    const address = { country_code: "nl", province_code: "nh", city: "Amsterdam", postal_code: "1011" }
    expect(await idsFor({ fulfillment_set_ids: [setId], address })).toEqual([])
  })

  test("a service zone with several geo zones covers each of their areas", async () => {
    const { setId, ids } = await zoneWith([{ country_code: "at" }, { type: "province", country_code: "ch", province_code: "zh" }])
    expect(await idsFor({ fulfillment_set_ids: [setId], address: { country_code: "at" } })).toEqual(sorted(ids))
    expect(await idsFor({ fulfillment_set_ids: [setId], address: { country_code: "ch", province_code: "ZH" } })).toEqual(sorted(ids))
    expect(await idsFor({ fulfillment_set_ids: [setId], address: { country_code: "ch", province_code: "ge" } })).toEqual([])
  })

  test("without a country code the call is refused, naming the field", async () => {
    const error = await rejection(t.fulfillment.listShippingOptionsForContext({ address: { country_code: "" } }))
    expect([error.type, error.message]).toEqual([AgoraError.Types.INVALID_DATA, "address.country_code is required to list shipping options"])
  })
})

describe("listShippingOptionsForContext: sets, rules and state", () => {
  test("only options of the given fulfillment sets; an empty list gives none", async () => {
    const a = await zoneWith([{ country_code: "pt" }])
    const b = await zoneWith([{ country_code: "pt" }])

    expect(await idsFor({ fulfillment_set_ids: [b.setId], address: { country_code: "pt" } })).toEqual(sorted(b.ids))
    expect(await idsFor({ fulfillment_set_ids: [], address: { country_code: "pt" } })).toEqual([])
    expect(await idsFor({ address: { country_code: "pt" } })).toEqual(sorted([...a.ids, ...b.ids]))
  })

  test("is_return and enabled_in_store are checked against the options' rules", async () => {
    const { setId, ids } = await zoneWith(
      [{ country_code: "es" }],
      [
        { rules: STORE },
        { rules: [{ attribute: "enabled_in_store", operator: "eq", value: "false" }, { attribute: "is_return", operator: "eq", value: "false" }] },
        { rules: [{ attribute: "enabled_in_store", operator: "eq", value: "true" }, { attribute: "is_return", operator: "eq", value: "true" }] },
        { rules: [] },
      ],
    )
    const [store, adminOnly, returns, unruled] = ids
    const address = { country_code: "es" }

    expect(await idsFor({ fulfillment_set_ids: [setId], address, is_return: false, enabled_in_store: true })).toEqual(sorted([store, unruled]))
    expect(await idsFor({ fulfillment_set_ids: [setId], address, is_return: true, enabled_in_store: true })).toEqual(sorted([returns, unruled]))
    // Once rules are checked, an attribute left out of the context fails the options' `eq` rules on it.
    expect(await idsFor({ fulfillment_set_ids: [setId], address, is_return: false })).toEqual(sorted([unruled]))
    expect(await idsFor({ fulfillment_set_ids: [setId], address, is_return: false, enabled_in_store: false })).toEqual(sorted([adminOnly, unruled]))
    // Without any context the rules are not checked at all.
    expect(await idsFor({ fulfillment_set_ids: [setId], address })).toEqual(sorted(ids))
  })

  test("further context attributes are checked with every operator, dotted paths reaching into objects", async () => {
    const { setId, ids } = await zoneWith(
      [{ country_code: "ie" }],
      [
        { rules: [{ attribute: "customer.group", operator: "in", value: ["vip", "staff"] }] },
        { rules: [{ attribute: "customer.group", operator: "nin", value: ["vip"] }] },
        { rules: [{ attribute: "cart.item_total", operator: "gte", value: "100" }] },
        { rules: [{ attribute: "cart.item_total", operator: "lt", value: "100" }] },
        { rules: [{ attribute: "customer.group", operator: "ne", value: "staff" }] },
      ],
    )
    const [vipOrStaff, notVip, bigCart, smallCart, notStaff] = ids
    const address = { country_code: "ie" }

    expect(await idsFor({ fulfillment_set_ids: [setId], address, context: { customer: { group: "vip" }, cart: { item_total: 250 } } })).toEqual(sorted([
      vipOrStaff,
      bigCart,
      notStaff,
    ]))
    expect(await idsFor({ fulfillment_set_ids: [setId], address, context: { customer: { group: "staff" }, cart: { item_total: 99.5 } } })).toEqual(sorted([
      vipOrStaff,
      notVip,
      smallCart,
    ]))
    // An attribute the context lacks satisfies only the negative operators, as in Medusa.
    expect(await idsFor({ fulfillment_set_ids: [setId], address, context: {} })).toEqual(sorted([notVip, notStaff]))
  })

  test("an option comes with its type, rules and service zone", async () => {
    const { setId, zoneId, ids } = await zoneWith([{ country_code: "be" }], [{ name: "Bpost", data: { id: "manual-fulfillment" } }])

    const [found] = await t.fulfillment.listShippingOptionsForContext({ fulfillment_set_ids: [setId], address: { country_code: "be" } })

    expect(found).toMatchObject({
      id: ids[0],
      name: "Bpost",
      price_type: "flat",
      provider_id: "manual_manual",
      shipping_profile_id: profileId,
      service_zone_id: zoneId,
      data: { id: "manual-fulfillment" },
      metadata: null,
      type: { label: "Standard", description: null, code: "standard" },
      service_zone: { id: zoneId, fulfillment_set_id: setId },
      rules: expect.arrayContaining([
        expect.objectContaining({ attribute: "enabled_in_store", operator: "eq", value: "true", shipping_option_id: ids[0] }),
        expect.objectContaining({ attribute: "is_return", operator: "eq", value: "false" }),
      ]),
    })
    expect(found?.rules).toHaveLength(2)
    expect(found?.created_at).toBeInstanceOf(Date)
    expect(found?.deleted_at).toBeNull()
  })

  test("soft-deleted options, zones and sets, and options of disabled providers, are left out", async () => {
    const a = await zoneWith([{ country_code: "lu" }])
    const b = await zoneWith([{ country_code: "lu" }])
    const c = await zoneWith([{ country_code: "lu" }])
    const d = await zoneWith([{ country_code: "lu" }], [{ provider_id: SCRIPTED_PROVIDER_ID, data: { id: "standard" } }])
    const address = { country_code: "lu" }
    const sets = [a.setId, b.setId, c.setId, d.setId]
    expect(await idsFor({ fulfillment_set_ids: sets, address })).toHaveLength(4)

    await t.fulfillment.softDeleteShippingOptions(a.ids)
    await t.fulfillment.softDeleteServiceZones(b.zoneId)
    await t.fulfillment.softDeleteFulfillmentSets(c.setId)
    await t.rows("update fulfillment_provider set is_enabled = false where id = ?", [SCRIPTED_PROVIDER_ID])
    try {
      expect(await idsFor({ fulfillment_set_ids: sets, address })).toEqual([])
    } finally {
      await t.rows("update fulfillment_provider set is_enabled = true where id = ?", [SCRIPTED_PROVIDER_ID])
    }
  })

  test("many options come back from a single SQL query", async () => {
    const { setId } = await zoneWith([{ country_code: "fi" }], Array.from({ length: 12 }, () => ({})))
    await t.fulfillment.listShippingOptionsForContext({ address: { country_code: "fi" } }) // providers loaded
    const { result: found, statements } = await countStatements(t.app.database, () =>
      t.fulfillment.listShippingOptionsForContext({
        fulfillment_set_ids: [setId],
        address: { country_code: "fi" },
        is_return: false,
        enabled_in_store: true,
      }),
    )
    expect(found).toHaveLength(12)
    expect(statements).toHaveLength(1)
  })
})

describe("validating an option for a checkout", () => {
  test("validateShippingOption says whether the option serves the address and context", async () => {
    const { setId, ids } = await zoneWith([{ country_code: "gr" }])
    const [id] = ids as [string]
    const store = { fulfillment_set_ids: [setId], is_return: false, enabled_in_store: true }

    expect(await t.fulfillment.validateShippingOption(id, { ...store, address: { country_code: "gr" } })).toBe(true)
    expect(await t.fulfillment.validateShippingOption(id, { ...store, address: { country_code: "cy" } })).toBe(false)
    expect(await t.fulfillment.validateShippingOption(id, { ...store, is_return: true, address: { country_code: "gr" } })).toBe(false)
  })

  test("assertShippingOptionsAvailable names options that are unknown or unavailable", async () => {
    const { ids } = await zoneWith([{ country_code: "hr" }])
    const [id] = ids as [string]

    await t.fulfillment.assertShippingOptionsAvailable([id], { address: { country_code: "hr" } })

    const unavailable = await rejection(t.fulfillment.assertShippingOptionsAvailable([id], { address: { country_code: "si" } }))
    expect([unavailable.type, unavailable.message]).toEqual([
      AgoraError.Types.INVALID_DATA,
      `Shipping option ${id} is not available for the shipping address and context given`,
    ])
    const unknown = await rejection(t.fulfillment.assertShippingOptionsAvailable([id, "so_missing"], { address: { country_code: "hr" } }))
    expect([unknown.type, unknown.message]).toEqual([AgoraError.Types.NOT_FOUND, "Shipping option with id: so_missing was not found"])
    // Unknown and unavailable together: the unknown one is named first.
    const both = await rejection(t.fulfillment.assertShippingOptionsAvailable([id, "so_missing"], { address: { country_code: "si" } }))
    expect([both.type, both.message]).toEqual([AgoraError.Types.NOT_FOUND, "Shipping option with id: so_missing was not found"])
  })
})
