import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

let t: TestApp
let auth: { authorization: string }

beforeAll(async () => {
  t = await startTestApp()
  auth = { authorization: `Bearer ${await t.adminToken()}` }
})
afterAll(() => t?.close())
beforeEach(async () => {
  await t.app.database.execute('delete from "brand"')
})

const create = (payload: unknown) =>
  t.request({ method: "POST", url: "/admin/brands", headers: auth, payload: payload as object })
const update = (id: string, payload: unknown) =>
  t.request({ method: "POST", url: `/admin/brands/${id}`, headers: auth, payload: payload as object })
const retrieve = (id: string) => t.request({ method: "GET", url: `/admin/brands/${id}`, headers: auth })
const remove = (id: string) => t.request({ method: "DELETE", url: `/admin/brands/${id}`, headers: auth })

async function rows() {
  return t.app.database.execute<{ id: string; name: string; description: string | null; deleted_at: Date | null }>(
    'select id, name, description, deleted_at from "brand" order by name',
  )
}

describe("an unknown brand id", () => {
  const missing = "brand_01JUNKNOWN000000000000000"

  test.each([
    ["GET", () => retrieve(missing)],
    ["POST", () => update(missing, { description: "x" })],
    ["DELETE", () => remove(missing)],
  ])("%s is 404 not_found naming the id", async (_method, call) => {
    const res = await call()
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ type: "not_found", message: `Brand with id: ${missing} was not found` })
  })

  test("an update of an unknown id creates nothing", async () => {
    await update(missing, { name: "Ghost" })
    expect(await rows()).toEqual([])
  })
})

describe("duplicate names", () => {
  test("creating a brand with a taken name is 422 duplicate_error and creates nothing", async () => {
    const first = await create({ name: "Acme" })
    expect(first.statusCode).toBe(200)

    const second = await create({ name: "Acme", description: "Another" })
    expect(second.statusCode).toBe(422)
    expect(second.json()).toEqual({
      type: "duplicate_error",
      message: "Brand with name: Acme already exists.",
      code: "invalid_request_error",
    })
    expect(await rows()).toEqual([{ id: first.json().brand.id, name: "Acme", description: null, deleted_at: null }])
  })

  test("the name is trimmed before it is compared", async () => {
    await create({ name: "Acme" })
    const res = await create({ name: "  Acme  " })
    expect(res.statusCode).toBe(422)
    expect((await rows()).length).toBe(1)
  })

  test("renaming a brand to a taken name is 422 and leaves both brands as they were", async () => {
    const acme = (await create({ name: "Acme" })).json().brand
    const bolt = (await create({ name: "Bolt", description: "Fasteners" })).json().brand

    const res = await update(bolt.id, { name: "Acme", description: "Changed" })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toMatchObject({ type: "duplicate_error", code: "invalid_request_error" })
    expect(await rows()).toEqual([
      { id: acme.id, name: "Acme", description: null, deleted_at: null },
      { id: bolt.id, name: "Bolt", description: "Fasteners", deleted_at: null },
    ])
  })
})

describe("validation errors change nothing", () => {
  test.each([
    ["no name", {}, "Invalid request: Field 'name' is required"],
    ["a numeric name", { name: 5 }, "Invalid request: Expected type: 'string' for field 'name', got: 'number'"],
    ["an unknown key", { name: "Acme", slogan: "Beep" }, "Invalid request: Unrecognized fields: 'slogan'"],
    [
      "a numeric description",
      { name: "Acme", description: 5 },
      "Invalid request: Expected type: 'string' for field 'description', got: 'number'",
    ],
  ])("creating with %s is 400 invalid_data and the count is unchanged", async (_case, body, message) => {
    await create({ name: "Existing" })
    const res = await create(body)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ type: "invalid_data", message })
    expect((await rows()).map((row) => row.name)).toEqual(["Existing"])
  })

  test.each([
    ["an empty name", { name: "" }],
    ["a blank name", { name: "   " }],
  ])("creating with %s is 400 naming the field", async (_case, body) => {
    const res = await create(body)
    expect(res.statusCode).toBe(400)
    expect(res.json().type).toBe("invalid_data")
    expect(res.json().message).toContain("field 'name'")
    expect(await rows()).toEqual([])
  })

  test("an invalid update is 400 and leaves the brand as it was", async () => {
    const brand = (await create({ name: "Acme", description: "Anvils" })).json().brand
    for (const body of [{ name: 42 }, { name: "" }, { id: "brand_other" }, { description: ["a"] }]) {
      const res = await update(brand.id, body)
      expect(res.statusCode, JSON.stringify(body)).toBe(400)
      expect(res.json().type).toBe("invalid_data")
    }
    expect(await rows()).toEqual([{ id: brand.id, name: "Acme", description: "Anvils", deleted_at: null }])
  })

  test("an invalid JSON body is 400 and creates nothing", async () => {
    const res = await t.request({
      method: "POST",
      url: "/admin/brands",
      headers: { ...auth, "content-type": "application/json" },
      payload: '{"name": "Acme"',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().type).toBe("invalid_data")
    expect(await rows()).toEqual([])
  })
})

describe("deleting", () => {
  test("a deleted brand is gone from GET, list and updates, and deleting it again is 404", async () => {
    const brand = (await create({ name: "Acme" })).json().brand
    const res = await remove(brand.id)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ id: brand.id, object: "brand", deleted: true })

    expect((await retrieve(brand.id)).statusCode).toBe(404)
    expect((await update(brand.id, { description: "Back?" })).statusCode).toBe(404)
    expect((await remove(brand.id)).statusCode).toBe(404)
    const list = await t.request({ method: "GET", url: "/admin/brands", headers: auth })
    expect(list.json()).toMatchObject({ brands: [], count: 0 })

    // Soft-deleted: the row is kept, marked.
    const [row] = await rows()
    expect(row?.id).toBe(brand.id)
    expect(row?.deleted_at).not.toBeNull()
    expect(row?.description).toBeNull()
  })

  test("a deleted brand's name can be reused", async () => {
    const old = (await create({ name: "Acme" })).json().brand
    await remove(old.id)

    const reused = await create({ name: "Acme", description: "Reborn" })
    expect(reused.statusCode).toBe(200)
    expect(reused.json().brand).toMatchObject({ name: "Acme", description: "Reborn" })
    expect(reused.json().brand.id).not.toBe(old.id)

    const list = await t.request({ method: "GET", url: "/admin/brands", headers: auth })
    expect(list.json()).toMatchObject({ count: 1, brands: [{ id: reused.json().brand.id, name: "Acme" }] })
    // And a second live brand with the name is still refused.
    expect((await create({ name: "Acme" })).statusCode).toBe(422)
  })
})
