import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { CreateShippingOptionInput } from "../../../src/modules/fulfillment/index.ts"
import { rejection, SCRIPTED_PROVIDER_ID, startFulfillmentApp, unique } from "./fulfillment-app.ts"
import type { FulfillmentApp } from "./fulfillment-app.ts"

let t: FulfillmentApp
let zoneId: string
let profileId: string
beforeAll(async () => {
  t = await startFulfillmentApp()
  const set = await t.fulfillment.createFulfillmentSets({
    name: "Main warehouse",
    type: "shipping",
    service_zones: [{ name: "US", geo_zones: [{ country_code: "us" }] }],
  })
  zoneId = set.service_zones?.[0]?.id as string
  profileId = (await t.fulfillment.createShippingProfiles({ name: "Default", type: "default" })).id
})
afterAll(() => t.close())

const STORE_RULES = [
  { attribute: "enabled_in_store", operator: "eq" as const, value: "true" },
  { attribute: "is_return", operator: "eq" as const, value: "false" },
]

function option(overrides: Partial<CreateShippingOptionInput> = {}): CreateShippingOptionInput {
  return {
    name: unique("Standard"),
    price_type: "flat",
    service_zone_id: zoneId,
    shipping_profile_id: profileId,
    provider_id: "manual_manual",
    type: { label: "Standard", description: "3-5 days", code: "standard" },
    rules: STORE_RULES,
    ...overrides,
  }
}

describe("shipping profiles (generated CRUD)", () => {
  test("create, list by type, update and delete", async () => {
    const profile = await t.fulfillment.createShippingProfiles({ name: unique("Gift cards"), type: "gift_card" })
    expect(profile.id).toMatch(/^sp_/)
    expect((await t.fulfillment.listShippingProfiles({ type: "gift_card" })).map((p) => p.id)).toEqual([profile.id])

    const renamed = await t.fulfillment.updateShippingProfiles({ id: profile.id, name: unique("Digital") })
    expect(renamed.name).toMatch(/^Digital/)
    await t.fulfillment.deleteShippingProfiles(profile.id)
    expect(await t.fulfillment.listShippingProfiles({ id: profile.id })).toEqual([])
  })

  test("a profile used by shipping options cannot be deleted, nor soft-deleted", async () => {
    const profile = await t.fulfillment.createShippingProfiles({ name: unique("Bulky"), type: "bulky" })
    await t.fulfillment.createShippingOptions(option({ shipping_profile_id: profile.id }))

    for (const attempt of [t.fulfillment.deleteShippingProfiles(profile.id), t.fulfillment.softDeleteShippingProfiles([profile.id])]) {
      const error = await rejection(attempt)
      expect([error.type, error.message]).toEqual([
        AgoraError.Types.NOT_ALLOWED,
        `Shipping profile ${profile.id} is used by shipping options: delete them first`,
      ])
    }
    expect(await t.fulfillment.retrieveShippingProfile(profile.id)).toMatchObject({ deleted_at: null })
  })
})

describe("createShippingOptions", () => {
  test("creates an option with its type and rules, and returns them", async () => {
    const created = await t.fulfillment.createShippingOptions(option({ name: "Standard shipping", data: { id: "manual-fulfillment" } }))

    expect(created.id).toMatch(/^so_/)
    expect(created).toMatchObject({
      name: "Standard shipping",
      price_type: "flat",
      service_zone_id: zoneId,
      shipping_profile_id: profileId,
      provider_id: "manual_manual",
      data: { id: "manual-fulfillment" },
      type: { label: "Standard", description: "3-5 days", code: "standard" },
    })
    expect(created.type?.id).toMatch(/^sotype_/)
    expect(created.rules?.map((r) => [r.attribute, r.operator, r.value, r.shipping_option_id])).toEqual([
      ["enabled_in_store", "eq", "true", created.id],
      ["is_return", "eq", "false", created.id],
    ])
    expect(created.rules?.[0]?.id).toMatch(/^sorul_/)
    const stored = await t.fulfillment.retrieveShippingOption(created.id, { relations: ["type", "rules"] })
    expect(stored.rules).toHaveLength(2)
    expect(stored.type).toMatchObject({ code: "standard" })
  })

  test("several options at once, one reusing an existing type by id; `in` rules keep their list", async () => {
    const first = await t.fulfillment.createShippingOptions(option())
    const [a, b] = await t.fulfillment.createShippingOptions([
      option({ type: undefined, type_id: first.type_id }),
      option({ rules: [{ attribute: "customer.group", operator: "in", value: ["vip", "staff"] }] }),
    ])

    expect(a?.type_id).toBe(first.type_id)
    expect(b?.type_id).not.toBe(first.type_id)
    expect(b?.rules?.[0]).toMatchObject({ operator: "in", value: ["vip", "staff"] })
  })

  test("a boolean rule value is stored as the string Medusa stores", async () => {
    const created = await t.fulfillment.createShippingOptions(
      option({ rules: [{ attribute: "enabled_in_store", operator: "eq", value: true }] }),
    )
    expect(created.rules?.[0]?.value).toBe("true")
    expect(await t.rows("select value from shipping_option_rule where id = ?", [created.rules?.[0]?.id])).toEqual([{ value: "true" }])
  })

  test.each([
    [{ name: "" }, "shipping_option.name is required"],
    [{ price_type: "free" as "flat" }, 'shipping_option.price_type must be one of flat, calculated, got "free"'],
    [{ type: undefined }, "shipping_option.type is required: give a new type ({ label, code, description }) or a type_id"],
    [{ type: { label: "x", code: "" } }, "shipping_option.type.code is required"],
    [{ rules: [{ attribute: "is_return", operator: "like" as "eq", value: "x" }] }, 'shipping_option.rules[0].operator must be one of eq, ne, in, nin, gt, gte, lt, lte, got "like"'],
    [{ rules: [{ attribute: "group", operator: "in" as const, value: "vip" }] }, "shipping_option.rules[0].value must be a list of strings for operator in"],
    [{ rules: [{ attribute: "", operator: "eq" as const, value: "x" }] }, "shipping_option.rules[0].attribute is required"],
    [{ price_type: "calculated" as const }, "shipping_option.price_type calculated is not supported by provider manual_manual for this option's data"],
    [{ provider_id: SCRIPTED_PROVIDER_ID, data: { id: "overnight" } }, `shipping_option.data is not an option of provider ${SCRIPTED_PROVIDER_ID}`],
  ])("an invalid option is refused naming the field: %j", async (overrides, message) => {
    const name = unique("invalid")
    const error = await rejection(t.fulfillment.createShippingOptions(option({ name, ...overrides })))
    expect([error.type, error.message]).toEqual([AgoraError.Types.INVALID_DATA, message])
    expect(await t.fulfillment.listShippingOptions({ name })).toEqual([])
  })

  test("a calculated option is accepted when the provider can calculate it", async () => {
    const created = await t.fulfillment.createShippingOptions(
      option({ provider_id: SCRIPTED_PROVIDER_ID, price_type: "calculated", data: { id: "express" } }),
    )
    expect(created).toMatchObject({ price_type: "calculated", provider_id: SCRIPTED_PROVIDER_ID })
  })

  test.each([
    [{ provider_id: "dhl_express" }, "Fulfillment provider with id: dhl_express was not found"],
    [{ service_zone_id: "serzo_missing" }, "Service zone with id: serzo_missing was not found"],
    [{ shipping_profile_id: "sp_missing" }, "Shipping profile with id: sp_missing was not found"],
    [{ type: undefined, type_id: "sotype_missing" }, "Shipping option type with id: sotype_missing was not found"],
  ])("a reference to nothing is not found, naming it: %j", async (overrides, message) => {
    const name = unique("orphan")
    const typesBefore = await t.fulfillment.listShippingOptionTypes()
    const error = await rejection(t.fulfillment.createShippingOptions(option({ name, ...overrides })))
    expect([error.type, error.message]).toEqual([AgoraError.Types.NOT_FOUND, message])
    expect(await t.fulfillment.listShippingOptions({ name })).toEqual([])
    expect(await t.fulfillment.listShippingOptionTypes()).toHaveLength(typesBefore.length)
  })

  test("generated update and soft delete work on options", async () => {
    const created = await t.fulfillment.createShippingOptions(option())
    const renamed = await t.fulfillment.updateShippingOptions({ id: created.id, name: "Renamed", metadata: { sort: 1 } })
    expect(renamed).toMatchObject({ name: "Renamed", metadata: { sort: 1 } })

    await t.fulfillment.softDeleteShippingOptions(created.id)
    expect(await t.fulfillment.listShippingOptions({ id: created.id })).toEqual([])
    await t.fulfillment.restoreShippingOptions(created.id)
    expect(await t.fulfillment.listShippingOptions({ id: created.id })).toHaveLength(1)
  })
})

describe("shipping option rules", () => {
  test("rules are added and updated on their own, and checked the same way", async () => {
    const created = await t.fulfillment.createShippingOptions(option({ rules: [] }))
    const rule = await t.fulfillment.createShippingOptionRules({
      shipping_option_id: created.id,
      attribute: "is_return",
      operator: "eq",
      value: "false",
    })
    expect(rule).toMatchObject({ shipping_option_id: created.id, value: "false" })

    const changed = await t.fulfillment.updateShippingOptionRules({ id: rule.id, operator: "in", value: ["false"] })
    expect(changed).toMatchObject({ operator: "in", value: ["false"] })

    const error = await rejection(t.fulfillment.updateShippingOptionRules({ id: rule.id, operator: "eq" }))
    expect(error.message).toBe("rule.value must be a string for operator eq")
    const missing = await rejection(
      t.fulfillment.createShippingOptionRules({ shipping_option_id: "", attribute: "a", operator: "eq", value: "b" }),
    )
    expect(missing.message).toBe("rule.shipping_option_id is required")
  })
})

describe("fulfillment providers", () => {
  test("the manual provider and the configured ones are listed, enabled", async () => {
    const providers = await t.fulfillment.listFulfillmentProviders({}, { order: { id: "ASC" } })
    expect(providers.map((p) => [p.id, p.is_enabled])).toEqual([
      ["manual_manual", true],
      [SCRIPTED_PROVIDER_ID, true],
    ])
    expect(await t.fulfillment.retrieveFulfillmentProvider("manual_manual")).toMatchObject({ is_enabled: true })
    expect((await t.fulfillment.listAndCountFulfillmentProviders({ id: SCRIPTED_PROVIDER_ID }))[1]).toBe(1)
  })

  test("a provider's options are listed through the module; an unknown provider is named", async () => {
    expect(await t.fulfillment.retrieveFulfillmentOptions("manual_manual")).toEqual([
      { id: "manual-fulfillment" },
      { id: "manual-fulfillment-return", is_return: true },
    ])
    expect(await t.fulfillment.validateFulfillmentOption(SCRIPTED_PROVIDER_ID, { id: "express" })).toBe(true)
    const error = await rejection(t.fulfillment.retrieveFulfillmentOptions("ups_ups"))
    expect([error.type, error.message]).toEqual([AgoraError.Types.NOT_FOUND, "Fulfillment provider with id: ups_ups was not found"])
  })
})
