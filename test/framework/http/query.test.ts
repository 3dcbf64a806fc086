import qs from "qs"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { startFixtureApp } from "../../setup/fixture-app.ts"
import type { FixtureApp } from "../../setup/fixture-app.ts"

let t: FixtureApp
const ids: Record<string, string> = {}

beforeAll(async () => {
  t = await startFixtureApp()
  // Created one by one so created_at ascends with the name.
  for (const [name, quantity] of [["Anvil", 1], ["Bolt", 2], ["Crate", 3]] as const) {
    const res = await t.request({ method: "POST", url: "/store/widgets", payload: { name, quantity } })
    ids[name] = res.json().widget.id
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
})
afterAll(() => t?.close())

const list = (query: string) => t.request({ method: "GET", url: `/store/widgets?${query}` })
const names = (body: { widgets: { name?: string }[] }) => body.widgets.map((widget) => widget.name)

describe("query strings are parsed qs-style", () => {
  test("indexed arrays, operator maps, nested objects and percent-encoded values", async () => {
    const query = "id[0]=a&id[1]=b&created_at[$gte]=2024-01-01T00:00:00Z&variants[sku]=S1&q=a%2Bb"
    const res = await t.request({ method: "GET", url: `/store/echo/1?${query}` })
    expect(res.statusCode).toBe(200)
    expect(res.json().query).toEqual({
      id: ["a", "b"],
      created_at: { $gte: "2024-01-01T00:00:00Z" },
      variants: { sku: "S1" },
      q: "a+b",
    })
  })

  test("what the Medusa SDK sends (qs.stringify) reads back as what it meant", async () => {
    const sent = { id: ["prod_1", "prod_2"], order: "-created_at", fields: "+variants.sku", variants: { sku: "A+B/C" } }
    const res = await t.request({ method: "GET", url: `/store/echo/1?${qs.stringify(sent, { skipNulls: true })}` })
    expect(res.json().query).toEqual(sent)
  })

  test("an array filter reaches the database as IN", async () => {
    const res = await list(`id[0]=${ids.Anvil}&id[1]=${ids.Crate}&order=name`)
    expect(res.statusCode).toBe(200)
    expect(res.json().filterableFields).toEqual({ id: [ids.Anvil, ids.Crate] })
    expect(names(res.json())).toEqual(["Anvil", "Crate"])
    expect(res.json().count).toBe(2)
  })

  test("an operator map reaches the database as a comparison", async () => {
    const future = new Date(Date.now() + 60_000).toISOString()
    const res = await list(qs.stringify({ created_at: { $gte: future } }))
    expect(res.statusCode).toBe(200)
    expect(res.json().count).toBe(0)
    const past = await list(qs.stringify({ created_at: { $lt: future } }))
    expect(past.json().count).toBe(3)
  })
})

describe("limit and offset", () => {
  test("are coerced from strings to numbers and paginate", async () => {
    const res = await list("limit=2&offset=1&order=name")
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.validatedQuery).toMatchObject({ limit: 2, offset: 1 })
    expect(body.queryConfig.pagination).toMatchObject({ skip: 1, take: 2 })
    expect(names(body)).toEqual(["Bolt", "Crate"])
    expect(body.count).toBe(3)
  })

  test("default to the route's limit and 0", async () => {
    const res = await list("")
    expect(res.json().queryConfig.pagination).toMatchObject({ skip: 0, take: 10 })
  })

  test("a non-numeric limit is 400 naming the field", async () => {
    const res = await list("limit=abc")
    expect(res.statusCode).toBe(400)
    expect(res.json().type).toBe("invalid_data")
    expect(res.json().message).toMatch(/^Invalid request: Expected type: 'number' for field 'limit'/)
  })

  test("a negative offset is 400 naming the field", async () => {
    const res = await list("offset=-1")
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toContain("field 'offset'")
  })

  test("an unknown query parameter is 400 on a strict query", async () => {
    const res = await list("colour=red")
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ type: "invalid_data", message: "Invalid request: Unrecognized fields: 'colour'" })
  })
})

describe("fields (API.md §5)", () => {
  const fieldsOf = async (fields: string) => {
    const res = await list(`fields=${encodeURIComponent(fields)}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json() as { queryConfig: { fields: string[] }; widgets: Record<string, unknown>[] }
  }

  test("without fields the route's defaults are returned", async () => {
    const body = await fieldsOf("")
    expect(body.queryConfig.fields).toEqual(["id", "name", "description", "created_at"])
    expect(Object.keys(body.widgets[0] ?? {}).sort()).toEqual(["created_at", "description", "id", "name"])
  })

  test("bare names replace the defaults, and id is always in", async () => {
    const body = await fieldsOf("name")
    expect(body.queryConfig.fields).toEqual(["id", "name"])
    expect(Object.keys(body.widgets[0] ?? {}).sort()).toEqual(["id", "name"])
  })

  test("+field adds to the defaults and -field removes from them", async () => {
    expect((await fieldsOf("+updated_at")).queryConfig.fields).toEqual(["id", "name", "description", "created_at", "updated_at"])
    expect((await fieldsOf("-description,-created_at")).queryConfig.fields).toEqual(["id", "name"])
  })

  test("-id does not remove id", async () => {
    expect((await fieldsOf("-id")).queryConfig.fields).toContain("id")
  })

  test("a leading space (an unencoded + decoded to a space) is treated like +", async () => {
    const res = await list("fields=+updated_at") // sent unencoded: arrives as " updated_at"
    expect(res.statusCode).toBe(200)
    expect(res.json().validatedQuery.fields).toBe(" updated_at")
    expect(res.json().queryConfig.fields).toEqual(["id", "name", "description", "created_at", "updated_at"])
  })

  test("a mix of a bare name and a modifier replaces the defaults", async () => {
    expect((await fieldsOf("name,+updated_at")).queryConfig.fields).toEqual(["id", "name", "updated_at"])
  })

  test("a field outside the allow-list is 400 naming every invalid field", async () => {
    const res = await list("fields=name,secret,password_hash")
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ type: "invalid_data", message: "Requested fields [secret, password_hash] are not valid" })
  })

  test("fields given as an array are 400, not 500", async () => {
    const res = await list("fields[0]=name")
    expect(res.statusCode).toBe(400)
    expect(res.json().type).toBe("invalid_data")
    expect(res.json().message).toContain("field 'fields'")
  })
})

describe("order (API.md §5)", () => {
  test("a field orders ascending and -field descending", async () => {
    expect(names((await list("order=name")).json())).toEqual(["Anvil", "Bolt", "Crate"])
    expect(names((await list("order=-name")).json())).toEqual(["Crate", "Bolt", "Anvil"])
    expect((await list("order=-created_at")).json().queryConfig.pagination.order).toEqual({ created_at: "DESC" })
  })

  test("a field outside the allow-list is 400 Order field x is not valid", async () => {
    const res = await list("order=price")
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ type: "invalid_data", message: "Order field price is not valid" })
  })

  test("order given as an array is 400, not 500", async () => {
    const res = await list("order[0]=name")
    expect(res.statusCode).toBe(400)
    expect(res.json().message).toBe("Invalid request: Expected type: 'string' for field 'order', got: 'array'")
  })
})

describe("order and fields never reach SQL unvalidated", () => {
  const attacks = [
    'name; drop table "brand"; --',
    'name" desc; drop table "brand"; --',
    "(select pg_sleep(5))",
    "name asc nulls first",
    "1",
  ]

  test.each(attacks)("order=%s is 400 and the table is intact", async (value) => {
    const res = await list(`order=${encodeURIComponent(value)}`)
    expect(res.statusCode).toBe(400)
    expect(res.json().type).toBe("invalid_data")
    expect(res.json().message).toMatch(/^Order field .* is not valid$/)
    expect((await list("")).json().count).toBe(3)
  })

  test.each(attacks)("fields=%s is 400 and the table is intact", async (value) => {
    const res = await list(`fields=${encodeURIComponent(value)}`)
    expect(res.statusCode).toBe(400)
    expect(res.json().type).toBe("invalid_data")
    expect(res.json().message).toMatch(/^Requested fields \[.*\] are not valid$/)
    expect((await list("")).json().count).toBe(3)
  })

  test("a search text with SQL in it is matched as text", async () => {
    const res = await list(`q=${encodeURIComponent("' or 1=1 --")}`)
    expect(res.statusCode).toBe(200)
    expect(res.json().count).toBe(0)
    const escaped = await list(`q=${encodeURIComponent("%")}`)
    expect(escaped.json().count).toBe(0)
    const found = await list("q=nvi")
    expect(names(found.json())).toEqual(["Anvil"])
  })
})
