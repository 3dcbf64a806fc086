import path from "node:path"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { AgoraError } from "../../src/framework/errors/index.ts"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "../../src/framework/workflows-sdk/index.ts"
import type { WorkflowData } from "../../src/framework/workflows-sdk/index.ts"
import type { NotificationModuleService } from "../../src/modules/notification/index.ts"
import type { ProductModuleService } from "../../src/modules/product/index.ts"
import { emitEventStep } from "../../src/workflows/common/index.ts"
import { CATALOG_TEAM } from "../fixtures/subscribers-project/subscribers/product-created.ts"
import { DEFAULT_MODULES, startTestApp } from "../setup/test-app.ts"
import type { TestApp } from "../setup/test-app.ts"

const SUBSCRIBERS_DIR = path.resolve(import.meta.dirname, "../fixtures/subscribers-project/subscribers")

let t: TestApp
let notifications: NotificationModuleService

/** Creates a product and announces it; `fail` makes the run fail after both. */
const createProductStep = createStep(
  "test-create-product-step",
  async (title: string, { container }) => {
    const product = await container.resolve<ProductModuleService>("product").createProducts({ title })
    return new StepResponse(product, product.id)
  },
  async (id, { container }) => {
    if (id) await container.resolve<ProductModuleService>("product").deleteProducts(id)
  },
)
const failWhenAsked = createStep("test-fail-when-asked-step", async (fail: boolean) => {
  if (fail) throw new AgoraError(AgoraError.Types.NOT_ALLOWED, "The catalog is frozen")
})
const createProduct = createWorkflow("test-create-product", (input: WorkflowData<{ title: string; fail: boolean }>) => {
  const product = createProductStep(input.title)
  emitEventStep({ name: "product.created", data: { id: product.id } })
  failWhenAsked(input.fail)
  return new WorkflowResponse(product)
})

beforeAll(async () => {
  t = await startTestApp(
    { modules: [...DEFAULT_MODULES, { resolve: "./src/modules/product" }, { resolve: "./src/modules/notification" }] },
    { subscribersDir: SUBSCRIBERS_DIR },
  )
  await t.app.events.start()
  notifications = t.app.container.resolve<NotificationModuleService>("notification")
})
afterAll(() => t?.close())

describe("a project's subscribers folder", () => {
  test("its product.created subscriber runs for a product a workflow created, and sends its notification", async () => {
    const { result: product } = await createProduct(t.app.container).run({ input: { title: "Oak table", fail: false } })
    await t.app.events.bus.drain()

    const sent = await notifications.listNotifications({ resource_id: product.id })
    expect(sent).toEqual([
      expect.objectContaining({
        to: CATALOG_TEAM,
        template: "product-created",
        status: "success",
        provider_id: "local",
        data: { product: { id: product.id, title: "Oak table", handle: "oak-table" } },
      }),
    ])
  })

  test("a run that fails after emitting publishes nothing, so the subscriber never runs", async () => {
    const error = await createProduct(t.app.container)
      .run({ input: { title: "Pine table", fail: true } })
      .catch((e: unknown) => e)
    await t.app.events.bus.drain()

    expect(error).toBeInstanceOf(Error)
    const products = await t.app.container.resolve<ProductModuleService>("product").listProducts({ title: "Pine table" })
    expect(products).toEqual([])
    const sent = await notifications.listNotifications({ template: "product-created" })
    expect(sent.map((n) => n.data?.product)).not.toContainEqual(expect.objectContaining({ title: "Pine table" }))
  })

  test("the folder's files are the app's subscribers, under their config's subscriberId; src/subscribers is not read", () => {
    const noop = () => {}

    expect(() => t.app.events.bus.subscribe("product.created", noop, { subscriberId: "notify-catalog-team" })).toThrow(
      'A subscriber "notify-catalog-team" already listens to "product.created"',
    )
    expect(() => t.app.events.bus.subscribe("order.placed", noop, { subscriberId: "order-placed" })).not.toThrow()
  })
})
