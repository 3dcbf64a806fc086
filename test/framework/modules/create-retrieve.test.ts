import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { rejection, startBlogApp } from "./blog-app.ts"
import type { BlogApp } from "./blog-app.ts"

const ULID = "[0-9A-HJKMNP-TV-Z]{26}"

let t: BlogApp
beforeAll(async () => {
  t = await startBlogApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())

describe("createXs", () => {
  test("one row comes back with a prefixed ULID id, timestamps, defaults and nulls filled in", async () => {
    const before = Date.now()
    const post = await t.blog.createPosts({ title: "Hello" })

    expect(post.id).toMatch(new RegExp(`^post_${ULID}$`))
    expect(post).toMatchObject({ title: "Hello", subtitle: null, body: null, views: 0, deleted_at: null })
    expect(post.created_at).toBeInstanceOf(Date)
    expect(post.created_at.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(await t.blog.retrievePost(post.id)).toEqual(post)
  })

  test("many rows come back as an array in input order, each with its own id", async () => {
    const posts = await t.blog.createPosts([{ title: "one" }, { title: "two", views: 5 }, { title: "three" }])

    expect(posts.map((p) => p.title)).toEqual(["one", "two", "three"])
    expect(posts.map((p) => p.views)).toEqual([0, 5, 0])
    expect(new Set(posts.map((p) => p.id)).size).toBe(3)
    expect(await t.rows("select id from post")).toHaveLength(3)
  })

  test("an id given by the caller is kept", async () => {
    const post = await t.blog.createPosts({ id: "post_chosen", title: "Mine" })
    expect(post.id).toBe("post_chosen")
    expect((await t.blog.retrievePost("post_chosen")).title).toBe("Mine")
  })

  const everyKind = {
    name: "Anvil",
    sku: "ANV-1",
    nickname: "heavy one",
    stock: 7,
    rating: -3,
    price: "12.3456789012345678901",
    weight: "0.000000000000000000001",
    active: false,
    released_at: "2024-02-29T12:34:56.789Z",
    specs: { color: "black", dimensions: { width: 10, height: 4 } },
    settings: { theme: "dark", beta: true },
    size: "large" as const,
    tags: ["iron", 'a "quoted", back\\slashed {tag}', "with space", "", "NULL"],
  }

  test("the row created is the row read back, inside a transaction as outside one", async () => {
    const outside = await t.blog.createGadgets(everyKind)
    const inside = await t.app.database.transaction(() => t.blog.createGadgets({ ...everyKind, name: "Anvil 2" }))

    expect(await t.blog.retrieveGadget(outside.id)).toEqual({ ...outside, released_at: new Date(everyKind.released_at) })
    const read = await t.blog.retrieveGadget(inside.id)
    expect(read).toEqual({ ...inside, released_at: new Date(everyKind.released_at) })
    expect(read.tags).toEqual(everyKind.tags)
  })

  test("every property kind round-trips through the database", async () => {
    const created = await t.blog.createGadgets(everyKind)

    const read = await t.blog.retrieveGadget(created.id)
    const { released_at: _releasedAt, ...stored } = everyKind
    expect(read).toMatchObject(stored)
    expect(read.released_at).toEqual(new Date("2024-02-29T12:34:56.789Z"))
    const [raw] = await t.rows("select price::text as price, weight::text as weight from gadget")
    expect(raw).toEqual({ price: "12.3456789012345678901", weight: "0.000000000000000000001" })
  })

  test("omitted columns take their defaults and nullable ones null", async () => {
    const gadget = await t.blog.createGadgets({ name: "Plain", sku: "P", price: "1" })

    expect(gadget).toMatchObject({
      nickname: null,
      stock: 0,
      rating: null,
      weight: null,
      active: true,
      released_at: null,
      specs: null,
      settings: { theme: "light" },
      size: "medium",
      tags: [],
    })
    expect(await t.blog.retrieveGadget(gadget.id)).toEqual(gadget)
  })

  test("a default object is copied per row, not shared", async () => {
    const first = await t.blog.createGadgets({ name: "First", sku: "F", price: "1" })
    first.settings.theme = "changed in memory"
    await t.blog.updateGadgets({ id: first.id, settings: { theme: "dark" } })
    const second = await t.blog.createGadgets({ name: "Second", sku: "S", price: "1" })

    expect(second.settings).toEqual({ theme: "light" })
    expect((await t.blog.retrieveGadget(second.id)).settings).toEqual({ theme: "light" })
  })

  test("a bigNumber given as a number is stored and returned as a decimal string", async () => {
    const gadget = await t.blog.createGadgets({ name: "Numeric", sku: "N", price: 19.99 })

    expect(gadget.price).toBe("19.99")
    expect((await t.blog.retrieveGadget(gadget.id)).price).toBe("19.99")
  })

  test("a duplicate unique value fails with duplicate_error naming the column and value", async () => {
    await t.blog.createGadgets({ name: "Anvil", sku: "A", price: "1" })

    const error = await rejection(t.blog.createGadgets({ name: "Anvil", sku: "B", price: "2" }))
    expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect(error.message).toBe("Gadget with name: Anvil already exists.")
    expect(await t.rows("select sku from gadget")).toEqual([{ sku: "A" }])
  })

  test("a soft-deleted row does not block re-creating its unique value", async () => {
    const old = await t.blog.createLabels({ name: "news" })
    await t.blog.softDeleteLabels(old.id)

    const fresh = await t.blog.createLabels({ name: "news" })
    expect(fresh.id).not.toBe(old.id)
    expect((await t.blog.listLabels({ name: "news" })).map((l) => l.id)).toEqual([fresh.id])
  })

  test("restoring a row whose unique value was taken meanwhile fails with duplicate_error", async () => {
    const old = await t.blog.createLabels({ name: "news" })
    await t.blog.softDeleteLabels(old.id)
    await t.blog.createLabels({ name: "news" })

    const error = await rejection(t.blog.restoreLabels(old.id))
    expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect(error.message).toBe("Label with name: news already exists.")
  })

  test("a missing required column fails with invalid_data in one line naming the column", async () => {
    const input = { sku: "X", price: "1" } as unknown as Parameters<typeof t.blog.createGadgets>[0]

    const error = await rejection(t.blog.createGadgets(input))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toContain("gadget.name")
    expect(error.message).not.toContain("\n")
    expect(await t.rows("select id from gadget")).toEqual([])
  })

  test("a value outside an enum fails with invalid_data", async () => {
    const input = { name: "X", sku: "X", price: "1", size: "huge" } as unknown as Parameters<typeof t.blog.createGadgets>[0]

    const error = await rejection(t.blog.createGadgets(input))
    expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
    expect(error.message).toContain("huge")
    expect(await t.rows("select id from gadget")).toEqual([])
  })
})

describe("retrieveX", () => {
  test("an unknown id fails with not_found and a message naming the model and id", async () => {
    const error = await rejection(t.blog.retrievePost("post_missing"))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("Post with id: post_missing was not found")
  })

  test("an empty id fails with not_found rather than returning some row", async () => {
    await t.blog.createPosts({ title: "any" })
    const error = await rejection(t.blog.retrievePost(""))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
  })

  test("select returns only the id and the selected columns", async () => {
    const post = await t.blog.createPosts({ title: "Hello", body: "text" })
    expect(await t.blog.retrievePost(post.id, { select: ["title", "views"] })).toEqual({
      id: post.id,
      title: "Hello",
      views: 0,
    })
  })
})
