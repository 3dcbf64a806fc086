import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { StepResponse } from "../../../src/framework/workflows-sdk/index.ts"
import { createBrandWorkflow, deleteBrandWorkflow, updateBrandsWorkflow } from "../../../src/workflows/brand/index.ts"
import { catalogState, recordEvents, seedShirt, startCatalogApp, workflowFailure } from "../product/app.ts"
import type { CatalogApp } from "../product/app.ts"

let t: CatalogApp
let events: Awaited<ReturnType<typeof recordEvents>>
let failHooks = false
beforeAll(async () => {
  t = await startCatalogApp()
  events = await recordEvents(t)
  createBrandWorkflow.hooks.brandCreated(async ({ brand }) => {
    if (failHooks) throw new Error(`brand ${brand.name} rejected`)
    return new StepResponse(undefined)
  })
  updateBrandsWorkflow.hooks.brandsUpdated(async () => {
    if (failHooks) throw new Error("update rejected")
    return new StepResponse(undefined)
  })
  deleteBrandWorkflow.hooks.brandsDeleted(async ({ ids }) => {
    if (failHooks) throw new Error(`deleting ${ids.join(", ")} rejected`)
    return new StepResponse(undefined)
  })
})
afterAll(() => t?.close())
beforeEach(async () => {
  failHooks = false
  await events.clear()
})

let counter = 0
const unique = (name: string) => `${name} ${++counter}`

const brandOf = async (productId: string) =>
  (await t.query.graph<{ brand: { id: string } | null }>({ entity: "product", fields: ["brand.id"], filters: { id: productId } })).data[0]?.brand ?? null

describe("createBrandWorkflow", () => {
  test("creates a brand and announces it", async () => {
    const name = unique("Acme")

    const { result: brand } = await createBrandWorkflow(t.container).run({ input: { name, description: "Anvils" } })

    expect(brand).toMatchObject({ name, description: "Anvils" })
    expect(await t.brands.retrieveBrand(brand.id)).toMatchObject({ name })
    expect(await events.drain()).toEqual([{ name: "brand.created", data: { id: brand.id } }])
  })

  test("a taken name fails with duplicate_error naming it, and nothing is written", async () => {
    const name = unique("Taken")
    await t.brands.createBrands({ name })
    const before = await catalogState(t)

    const { stepId, cause } = await workflowFailure(createBrandWorkflow(t.container).run({ input: { name } }))

    expect(stepId).toBe("create-brand-step")
    expect(cause).toMatchObject({ type: "duplicate_error", message: `Brand with name: ${name} already exists.` })
    expect(await catalogState(t)).toEqual(before)
  })

  test("the brandCreated hook fails: the brand is deleted and not announced", async () => {
    const before = await catalogState(t)
    failHooks = true

    const { stepId, cause } = await workflowFailure(createBrandWorkflow(t.container).run({ input: { name: "Refused" } }))

    expect(stepId).toBe("hook.brandCreated")
    expect(cause.message).toBe("brand Refused rejected")
    expect(await catalogState(t)).toEqual(before)
    expect(await events.drain()).toEqual([])
  })
})

describe("updateBrandsWorkflow", () => {
  test("changes brands by id or by selector", async () => {
    const [a, b] = await t.brands.createBrands([{ name: unique("A") }, { name: unique("B"), description: "old" }])

    const { result: byId } = await updateBrandsWorkflow(t.container).run({ input: { brands: [{ id: a!.id, description: "first" }] } })
    const { result: bySelector } = await updateBrandsWorkflow(t.container).run({
      input: { selector: { description: "old" }, update: { description: "renewed" } },
    })

    expect(byId).toMatchObject([{ id: a!.id, description: "first" }])
    expect(bySelector).toMatchObject([{ id: b!.id, description: "renewed" }])
    expect(await events.drain()).toEqual([
      { name: "brand.updated", data: { id: a!.id } },
      { name: "brand.updated", data: { id: b!.id } },
    ])
  })

  test("an unknown brand is not_found, naming it", async () => {
    const { stepId, cause } = await workflowFailure(
      updateBrandsWorkflow(t.container).run({ input: { brands: [{ id: "brand_missing", name: "x" }] } }),
    )

    expect(stepId).toBe("update-brands-step")
    expect(cause).toMatchObject({ type: "not_found", message: "Brand brand_missing was not found" })
  })

  test("the brandsUpdated hook fails: the old values are back", async () => {
    const [brand] = await t.brands.createBrands([{ name: unique("Keep"), description: "as is" }])
    const before = await catalogState(t)
    failHooks = true

    const { stepId } = await workflowFailure(
      updateBrandsWorkflow(t.container).run({ input: { brands: [{ id: brand!.id, name: unique("Changed"), description: null }] } }),
    )

    expect(stepId).toBe("hook.brandsUpdated")
    expect(await catalogState(t)).toEqual(before)
    expect(await events.drain()).toEqual([])
  })
})

describe("deleteBrandWorkflow", () => {
  test("soft-deletes brands; their products stay, without the brand", async () => {
    const [brand] = await t.brands.createBrands([{ name: unique("Gone") }])
    const product = await seedShirt(t)
    await t.link.create({ product: { product_id: product.id }, brand: { brand_id: brand!.id } })
    await events.clear()

    const { result } = await deleteBrandWorkflow(t.container).run({ input: { ids: [brand!.id, "brand_unknown"] } })

    expect(result).toEqual([brand!.id])
    expect(await t.brands.listBrands({ id: brand!.id })).toEqual([])
    expect(await t.products.listProducts({ id: product.id }, { select: ["id"] })).toEqual([{ id: product.id }])
    expect(await brandOf(product.id)).toBeNull()
    expect(await events.drain()).toEqual([{ name: "brand.deleted", data: { id: brand!.id } }])
  })

  test("the brandsDeleted hook fails: the brand and its product links are back", async () => {
    const [brand] = await t.brands.createBrands([{ name: unique("Stays") }])
    const product = await seedShirt(t)
    await t.link.create({ product: { product_id: product.id }, brand: { brand_id: brand!.id } })
    const before = await catalogState(t)
    await events.clear()
    failHooks = true

    const { stepId, cause } = await workflowFailure(deleteBrandWorkflow(t.container).run({ input: { ids: [brand!.id] } }))

    expect(stepId).toBe("hook.brandsDeleted")
    expect(cause.message).toBe(`deleting ${brand!.id} rejected`)
    expect(await catalogState(t)).toEqual(before)
    expect(await brandOf(product.id)).toEqual({ id: brand!.id })
    expect(await events.drain()).toEqual([])
  })
})
