import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { asValue } from "../../../src/framework/container/index.ts"
import type { AwilixContainer } from "../../../src/framework/container/index.ts"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { createStep, createWorkflow, WorkflowError } from "../../../src/framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../../src/framework/workflows-sdk/index.ts"
import { ErpModuleService } from "../../../src/modules/erp/index.ts"
import type { ProductModuleService } from "../../../src/modules/product/index.ts"
import { updateProductAndErpWorkflow } from "../../../src/workflows/erp/index.ts"
import type { UpdateProductAndErpWorkflowInput } from "../../../src/workflows/erp/index.ts"
import { DEFAULT_MODULES, startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"
import { startFakeErp } from "./fake-erp.ts"
import type { FakeErp } from "./fake-erp.ts"

const TIMEOUT_MS = 300

let erp: FakeErp
let t: TestApp
let products: ProductModuleService
const published: { name: string; data: unknown }[] = []

beforeAll(async () => {
  erp = await startFakeErp()
  t = await startTestApp({
    modules: [
      ...DEFAULT_MODULES,
      { resolve: "./src/modules/product" },
      { resolve: "./src/modules/erp", options: { baseUrl: erp.url, apiKey: "erp-secret", timeoutMs: TIMEOUT_MS } },
    ],
  })
  products = t.app.container.resolve<ProductModuleService>("product")
  t.app.events.bus.subscribe("product.updated", ({ event }) => void published.push({ name: event.name, data: event.data }), {
    subscriberId: "test-product-updated",
  })
})
afterAll(async () => {
  await t?.close()
  await erp?.close()
})
beforeEach(async () => {
  // What the last test's runs published is delivered before it is forgotten.
  await t.app.events.bus.drain()
  published.length = 0
  erp.requests.length = 0
})

async function aProduct(title = "Linen shirt") {
  return products.createProducts({ title, status: "published" })
}

/** A product already known to the ERP, with the requests and events of getting it there forgotten. */
async function aSyncedProduct(title: string) {
  const product = await aProduct(title)
  await updateProductAndErpWorkflow(t.app.container).run({ input: { id: product.id, update: { title } } })
  await t.app.events.bus.drain()
  erp.requests.length = 0
  published.length = 0
  return product
}

async function failedRun(input: UpdateProductAndErpWorkflowInput, container: AwilixContainer = t.app.container): Promise<WorkflowError> {
  const error = await updateProductAndErpWorkflow(container)
    .run({ input })
    .catch((e: unknown) => e)
  expect(error).toBeInstanceOf(WorkflowError)
  return error as WorkflowError
}

describe("update-product-and-erp", () => {
  test("updates the product in Agora and in the ERP, and announces product.updated", async () => {
    const product = await aProduct()

    const { result } = await updateProductAndErpWorkflow(t.app.container).run({
      input: { id: product.id, update: { title: "Linen shirt, washed", material: "linen" } },
    })
    await t.app.events.bus.drain()

    expect(result.product).toMatchObject({ id: product.id, title: "Linen shirt, washed", material: "linen" })
    expect(result.erp_product).toEqual({ id: product.id, title: "Linen shirt, washed", material: "linen" })
    expect(await products.retrieveProduct(product.id)).toMatchObject({ title: "Linen shirt, washed", material: "linen", status: "published" })
    expect(erp.products.get(product.id)).toEqual({ id: product.id, title: "Linen shirt, washed", material: "linen" })
    expect(erp.requests).toEqual([
      {
        method: "PUT",
        path: `/products/${product.id}`,
        body: { title: "Linen shirt, washed", material: "linen" },
        authorization: "Bearer erp-secret",
      },
    ])
    expect(published).toEqual([{ name: "product.updated", data: { id: product.id } }])
  })

  test("when the ERP answers 500, the product's title in Agora is put back and nothing is announced", async () => {
    const product = await aProduct("Wool scarf")
    erp.failNext("500")

    const error = await failedRun({ id: product.id, update: { title: "Cashmere scarf" } })
    await t.app.events.bus.drain()

    expect(error.stepId).toBe("update-product-in-erp-step")
    expect(error.cause).toBeInstanceOf(AgoraError)
    expect(error.cause).toMatchObject({ type: "unexpected_state", code: "erp_request_failed" })
    expect((error.cause as Error).message).toBe(
      `ERP at ${erp.url} answered 500 Internal Server Error to PUT /products/${product.id}: {"message":"ERP database is down"}`,
    )
    expect((await products.retrieveProduct(product.id)).title).toBe("Wool scarf")
    // The ERP answered: it stored nothing, so there is nothing to restore there.
    expect(erp.requests).toHaveLength(1)
    expect(erp.products.has(product.id)).toBe(false)
    expect(published).toEqual([])
  })

  test("when the ERP does not answer in time, both systems keep the old title, within a bounded time", async () => {
    const product = await aSyncedProduct("Cotton tee")
    erp.failNext("hang")

    const started = Date.now()
    const error = await failedRun({ id: product.id, update: { title: "Organic cotton tee", material: "cotton" } })
    const elapsed = Date.now() - started
    await t.app.events.bus.drain()

    expect(error.cause).toMatchObject({
      type: "unexpected_state",
      code: "erp_unreachable",
      message: `ERP at ${erp.url} did not answer PUT /products/${product.id} within ${TIMEOUT_MS} ms`,
    })
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 2_000)
    expect(await products.retrieveProduct(product.id)).toMatchObject({ title: "Cotton tee", material: null })
    // The ERP stored the change before hanging: the step asked it to restore the values before.
    expect(erp.requests.map((r) => r.body)).toEqual([
      { title: "Organic cotton tee", material: "cotton" },
      { title: "Cotton tee", material: null },
    ])
    expect(erp.products.get(product.id)).toEqual({ id: product.id, title: "Cotton tee", material: null })
    expect(published).toEqual([])
  })

  test("when a later step fails, the ERP is asked to restore and the product is put back", async () => {
    const product = await aSyncedProduct("Denim jacket")
    const refuse = createStep("refuse-after-erp-step", async () => {
      throw new AgoraError(AgoraError.Types.NOT_ALLOWED, "The price list refused the new title")
    })
    const renameEverywhere = createWorkflow("test-rename-everywhere", (input: WorkflowData<UpdateProductAndErpWorkflowInput>) => {
      updateProductAndErpWorkflow.runAsStep({ input })
      refuse()
    })

    const error = await renameEverywhere(t.app.container)
      .run({ input: { id: product.id, update: { title: "Raw denim jacket" } } })
      .catch((e: unknown) => e)
    await t.app.events.bus.drain()

    expect((error as WorkflowError).stepId).toBe("refuse-after-erp-step")
    expect((await products.retrieveProduct(product.id)).title).toBe("Denim jacket")
    expect(erp.requests.map((r) => r.body)).toEqual([{ title: "Raw denim jacket" }, { title: "Denim jacket" }])
    expect(erp.products.get(product.id)).toEqual({ id: product.id, title: "Denim jacket" })
    expect(published).toEqual([])
  })

  test("an ERP that cannot be reached fails the run, naming the ERP and the reason; the product is unchanged", async () => {
    const closed = await startFakeErp()
    await closed.close()
    const scope = t.app.container.createScope()
    scope.register("erp", asValue(new ErpModuleService({ database: t.app.database }, { baseUrl: closed.url, timeoutMs: TIMEOUT_MS })))
    const product = await aProduct("Silk tie")

    const error = await failedRun({ id: product.id, update: { title: "Silk bow tie" } }, scope)

    expect(error.cause).toMatchObject({
      code: "erp_unreachable",
      message: `ERP at ${closed.url} could not be reached for PUT /products/${product.id}: ECONNREFUSED`,
    })
    expect((await products.retrieveProduct(product.id)).title).toBe("Silk tie")
  })

  test("a field the ERP does not keep, an empty update or an unknown product is refused before any call", async () => {
    const product = await aProduct("Canvas bag")

    const unknownField = await failedRun({ id: product.id, update: { title: "Bag", variants: [] } as never })
    const empty = await failedRun({ id: product.id, update: {} })
    const missing = await failedRun({ id: "prod_missing", update: { title: "Bag" } })

    expect(unknownField.cause).toMatchObject({ type: "invalid_data" })
    expect((unknownField.cause as Error).message).toMatch(/^update\.variants is not a product field kept in the ERP/)
    expect(empty.cause).toMatchObject({ type: "invalid_data", message: "update must change at least one product field" })
    expect(missing.cause).toMatchObject({ type: "not_found", message: "Product with id: prod_missing was not found" })
    expect(erp.requests).toEqual([])
    expect((await products.retrieveProduct(product.id)).title).toBe("Canvas bag")
  })
})

describe("the erp module", () => {
  test("has no tables: the app starts and migrates with it", async () => {
    const tables = await t.app.database.execute<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_name like 'erp%'",
    )
    expect(tables).toEqual([])
    expect(t.app.modules.map((m) => m.definition.key)).toContain("erp")
  })

  test("without a baseUrl each call fails saying how to configure it; bad options stop the start", async () => {
    const unconfigured = new ErpModuleService({ database: t.app.database }, { baseUrl: "" })

    await expect(unconfigured.updateProduct("prod_1", { title: "x" })).rejects.toThrow(
      "The ERP is not configured: set the erp module's baseUrl option (ERP_URL)",
    )
    expect(() => new ErpModuleService({ database: t.app.database }, { baseUrl: "ftp://erp" })).toThrow(/^erp module options: baseUrl /)
    expect(() => new ErpModuleService({ database: t.app.database }, { baseUrl: erp.url, timeoutMs: "-5" })).toThrow(
      /^erp module options: timeoutMs /,
    )
  })
})
