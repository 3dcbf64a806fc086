import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startTestApp } from "../../setup/test-app.ts"
import type { TestApp } from "../../setup/test-app.ts"

type Brand = { id: string; name: string; description: string | null; created_at: string; updated_at: string }

let t: TestApp
let auth: { authorization: string }
const brands: Brand[] = []

beforeAll(async () => {
  t = await startTestApp()
  auth = { authorization: `Bearer ${await t.adminToken()}` }
  // Created one after another: created_at follows this order.
  for (const [name, description] of [
    ["Crane", "Lifting gear"],
    ["Acme", "Anvils and rockets"],
    ["Dynamo", null],
    ["Bolt Co", "Fasteners"],
  ]) {
    const res = await t.request({ method: "POST", url: "/admin/brands", headers: auth, payload: { name, description } })
    expect(res.statusCode).toBe(200)
    brands.push(res.json().brand)
    await new Promise((resolve) => setTimeout(resolve, 2)) // distinct created_at, so the default order is certain
  }
})
afterAll(() => t?.close())

const list = async (query = "") => {
  const res = await t.request({ method: "GET", url: `/admin/brands${query ? `?${query}` : ""}`, headers: auth })
  expect(res.statusCode, res.body).toBe(200)
  return res.json() as { brands: Partial<Brand>[]; count: number; offset: number; limit: number }
}
const names = (body: { brands: Partial<Brand>[] }) => body.brands.map((brand) => brand.name)

describe("GET /admin/brands", () => {
  test("lists newest first with count, offset and the default limit of 20", async () => {
    const body = await list()
    expect(names(body)).toEqual(["Bolt Co", "Dynamo", "Acme", "Crane"])
    expect(body).toMatchObject({ count: 4, offset: 0, limit: 20 })
    expect(body.brands[0]).toEqual(brands[3])
  })

  test("limit and offset page through the list; count stays the total", async () => {
    const first = await list("order=name&limit=2")
    expect(names(first)).toEqual(["Acme", "Bolt Co"])
    expect(first).toMatchObject({ count: 4, offset: 0, limit: 2 })

    const second = await list("order=name&limit=2&offset=2")
    expect(names(second)).toEqual(["Crane", "Dynamo"])
    expect(second).toMatchObject({ count: 4, offset: 2, limit: 2 })
  })

  test("an offset past the end gives no brands and still the total count", async () => {
    const body = await list("offset=10")
    expect(body).toEqual({ brands: [], count: 4, offset: 10, limit: 20 })
  })

  test("order=name ascends and order=-name descends", async () => {
    expect(names(await list("order=name"))).toEqual(["Acme", "Bolt Co", "Crane", "Dynamo"])
    expect(names(await list("order=-name"))).toEqual(["Dynamo", "Crane", "Bolt Co", "Acme"])
    expect(names(await list("order=created_at"))).toEqual(["Crane", "Acme", "Dynamo", "Bolt Co"])
  })

  test("fields=name returns only id and name", async () => {
    const body = await list("fields=name&order=name")
    expect(body.brands).toEqual(
      [...brands].sort((a, b) => a.name.localeCompare(b.name)).map(({ id, name }) => ({ id, name })),
    )
  })

  test("fields=-description drops one field from the defaults", async () => {
    const body = await list("fields=-description")
    expect(Object.keys(body.brands[0] ?? {}).sort()).toEqual(["created_at", "id", "name", "updated_at"])
  })

  test("q searches the name, case-insensitively, and count counts the matches", async () => {
    const body = await list("q=CRA")
    expect(names(body)).toEqual(["Crane"])
    expect(body.count).toBe(1)
    expect((await list("q=o&order=name")).brands.map((brand) => brand.name)).toEqual(["Bolt Co", "Dynamo"])
  })

  test("q with LIKE wildcards or SQL matches them literally", async () => {
    expect((await list(`q=${encodeURIComponent("%")}`)).count).toBe(0)
    expect((await list(`q=${encodeURIComponent("_")}`)).count).toBe(0)
    expect((await list(`q=${encodeURIComponent("' or '1'='1")}`)).count).toBe(0)
  })

  test("filters by name and by several ids", async () => {
    expect(names(await list("name=Acme"))).toEqual(["Acme"])
    const [crane, acme] = brands
    const body = await list(`id[0]=${crane?.id}&id[1]=${acme?.id}&order=name`)
    expect(names(body)).toEqual(["Acme", "Crane"])
    expect(body.count).toBe(2)
  })

  test("a filter with no match is an empty list with count 0", async () => {
    expect(await list("name=Nobody")).toEqual({ brands: [], count: 0, offset: 0, limit: 20 })
  })
})

describe("GET /admin/brands: invalid queries are 400 and name the problem", () => {
  const get = (query: string) => t.request({ method: "GET", url: `/admin/brands?${query}`, headers: auth })

  test.each([
    ["order=price", "Order field price is not valid"],
    ["order=-password", "Order field password is not valid"],
    ["fields=name,secret", "Requested fields [secret] are not valid"],
    ["order=name%3B%20drop%20table%20brand", "Order field name; drop table brand is not valid"],
    ["fields=name%22%20from%20brand%3B--", 'Requested fields [name" from brand;--] are not valid'],
    ["colour=red", "Invalid request: Unrecognized fields: 'colour'"],
  ])("%s → %s", async (query, message) => {
    const res = await get(query)
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ type: "invalid_data", message })
  })

  test("a non-numeric limit names the field", async () => {
    const res = await get("limit=ten")
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toContain("field 'limit'")
  })

  test("after all of them the brands are all still there", async () => {
    expect((await list()).count).toBe(4)
  })
})

describe("GET /admin/brands/:id", () => {
  test("retrieves one brand, with fields", async () => {
    const [crane] = brands
    const full = await t.request({ method: "GET", url: `/admin/brands/${crane?.id}`, headers: auth })
    expect(full.statusCode).toBe(200)
    expect(full.json()).toEqual({ brand: crane })

    const slim = await t.request({ method: "GET", url: `/admin/brands/${crane?.id}?fields=name`, headers: auth })
    expect(slim.json()).toEqual({ brand: { id: crane?.id, name: "Crane" } })
  })

  test("an invalid field is 400", async () => {
    const res = await t.request({ method: "GET", url: `/admin/brands/${brands[0]?.id}?fields=nope`, headers: auth })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ type: "invalid_data", message: "Requested fields [nope] are not valid" })
  })
})
