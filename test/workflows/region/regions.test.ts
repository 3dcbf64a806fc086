import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import {
  createRegionsWorkflow,
  deleteRegionsWorkflow,
  RegionEvents,
  updateRegionsWorkflow,
} from "../../../src/workflows/region/index.ts"
import { failureMessage, recordEvents, scopeFailing, startCommerceApp, workflowFailure } from "../cart/app.ts"
import type { CommerceApp } from "../cart/app.ts"
import { tableState } from "../fulfillment/table-state.ts"

let t: CommerceApp
let events: Awaited<ReturnType<typeof recordEvents>>
beforeAll(async () => {
  t = await startCommerceApp()
  await t.payment.listPaymentProviders() // provider rows are written on first use
  events = await recordEvents(t, Object.values(RegionEvents))
})
afterAll(() => t?.close())
beforeEach(() => events.clear())

const state = () => tableState(t, ["region", "region_country"], ["region_payment_provider"])

async function regionOf(id: string) {
  const { data } = await t.query.graph<{ name: string; countries: { iso_2: string }[]; payment_providers: { id: string }[] }>({
    entity: "region",
    fields: ["name", "countries.iso_2", "payment_providers.id"],
    filters: { id },
  })
  const region = data[0]
  return region && { name: region.name, countries: region.countries.map((c) => c.iso_2).sort(), providers: region.payment_providers.map((p) => p.id) }
}

describe("createRegionsWorkflow", () => {
  test("creates a region with its countries and payment providers, and announces it", async () => {
    const { result } = await createRegionsWorkflow(t.container).run({
      input: { regions: [{ name: "Nordics", currency_code: "SEK", countries: ["se", "NO"], payment_providers: ["pp_system_default"] }] },
    })

    expect(result[0]).toMatchObject({ name: "Nordics", currency_code: "sek" })
    expect(await regionOf(result[0]!.id)).toEqual({ name: "Nordics", countries: ["no", "se"], providers: ["pp_system_default"] })
    expect(await events.drain()).toEqual([expect.objectContaining({ name: "region.created", data: { id: result[0]!.id } })])
  })

  test("a country of another region is invalid_data, and nothing is created", async () => {
    await createRegionsWorkflow(t.container).run({ input: { regions: [{ name: "Iberia", currency_code: "eur", countries: ["es"] }] } })
    const before = await state()

    const error = await workflowFailure(
      createRegionsWorkflow(t.container).run({ input: { regions: [{ name: "Spain", currency_code: "eur", countries: ["es"] }] } }),
    )

    expect(error.type).toBe("invalid_data")
    expect(error.message).toContain('Countries with codes: "es" are already assigned to a region')
    expect(await state()).toEqual(before)
  })

  test("an unknown payment provider is not_found; the region it had created is removed and its countries are free", async () => {
    const before = await state()

    const error = await workflowFailure(
      createRegionsWorkflow(t.container).run({
        input: { regions: [{ name: "Benelux", currency_code: "eur", countries: ["nl", "be"], payment_providers: ["pp_nope"] }] },
      }),
    )

    expect(error).toMatchObject({ type: "not_found", message: "Payment providers with ids pp_nope not found or not enabled" })
    expect(await state()).toEqual(before)
  })

  test("when announcing fails, the region, its countries and its provider links are undone", async () => {
    const before = await state()

    const message = await failureMessage(
      createRegionsWorkflow(scopeFailing(t, "eventBus", "emit")).run({
        input: { regions: [{ name: "Alps", currency_code: "chf", countries: ["ch", "li"], payment_providers: ["pp_system_default"] }] },
      }),
    )

    expect(message).toContain("eventBus.emit is down")
    expect(await state()).toEqual(before)
  })
})

describe("updateRegionsWorkflow", () => {
  test("renames, replaces countries and payment providers", async () => {
    const { result } = await createRegionsWorkflow(t.container).run({
      input: { regions: [{ name: "Baltics", currency_code: "eur", countries: ["ee", "lv"], payment_providers: ["pp_system_default"] }] },
    })
    const id = result[0]!.id

    await updateRegionsWorkflow(t.container).run({ input: { regions: [{ id, name: "Baltic states", countries: ["ee", "lv", "lt"], payment_providers: [] }] } })

    expect(await regionOf(id)).toEqual({ name: "Baltic states", countries: ["ee", "lt", "lv"], providers: [] })
    expect(await events.drain()).toContainEqual(expect.objectContaining({ name: "region.updated", data: { id } }))
  })

  test("an unknown region is not_found", async () => {
    const error = await workflowFailure(updateRegionsWorkflow(t.container).run({ input: { regions: [{ id: "reg_missing", name: "X" }] } }))
    expect(error).toMatchObject({ type: "not_found", message: "Region with id: reg_missing was not found" })
  })

  test("a failure after the update puts back the name, the countries and the providers", async () => {
    const { result } = await createRegionsWorkflow(t.container).run({
      input: { regions: [{ name: "Balkans", currency_code: "eur", countries: ["si", "hr"], payment_providers: ["pp_system_default"] }] },
    })
    const id = result[0]!.id
    const before = await state()

    await failureMessage(
      updateRegionsWorkflow(scopeFailing(t, "eventBus", "emit")).run({
        input: { regions: [{ id, name: "Renamed", countries: ["si"], payment_providers: [] }] },
      }),
    )

    expect(await state()).toEqual(before)
    expect(await regionOf(id)).toEqual({ name: "Balkans", countries: ["hr", "si"], providers: ["pp_system_default"] })
  })
})

describe("deleteRegionsWorkflow", () => {
  test("soft-deletes the region and frees its countries for another region", async () => {
    const { result } = await createRegionsWorkflow(t.container).run({
      input: { regions: [{ name: "Oceania", currency_code: "aud", countries: ["au", "nz"], payment_providers: ["pp_system_default"] }] },
    })
    const id = result[0]!.id

    await deleteRegionsWorkflow(t.container).run({ input: { ids: [id] } })

    expect(await regionOf(id)).toBeUndefined()
    expect(await events.drain()).toContainEqual(expect.objectContaining({ name: "region.deleted", data: { id } }))
    const { result: again } = await createRegionsWorkflow(t.container).run({ input: { regions: [{ name: "Australia", currency_code: "aud", countries: ["au"] }] } })
    expect(again[0]!.countries?.map((country) => country.iso_2)).toEqual(["au"])
  })

  test("an unknown id is not_found and deletes nothing", async () => {
    const before = await state()
    const error = await workflowFailure(deleteRegionsWorkflow(t.container).run({ input: { ids: ["reg_missing"] } }))
    expect(error).toMatchObject({ type: "not_found", message: "Region with id: reg_missing was not found" })
    expect(await state()).toEqual(before)
  })

  test("a failure after the delete restores the region, its countries and its links", async () => {
    const { result } = await createRegionsWorkflow(t.container).run({
      input: { regions: [{ name: "Gulf", currency_code: "aed", countries: ["ae", "qa"], payment_providers: ["pp_system_default"] }] },
    })
    const id = result[0]!.id
    const before = await state()

    await failureMessage(deleteRegionsWorkflow(scopeFailing(t, "eventBus", "emit")).run({ input: { ids: [id] } }))

    expect(await state()).toEqual(before)
    expect(await regionOf(id)).toEqual({ name: "Gulf", countries: ["ae", "qa"], providers: ["pp_system_default"] })
  })
})
