import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { countStatements } from "../../setup/count-statements.ts"
import { rejection, startBlogApp } from "./blog-app.ts"
import type { BlogApp } from "./blog-app.ts"

let t: BlogApp
beforeAll(async () => {
  t = await startBlogApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())

const stored = async () => (await t.blog.listPosts({}, { order: { title: "ASC" } })).map((p) => [p.title, p.views, p.body])

describe("updating several rows by id", () => {
  test("is one statement, answering the rows as written in the order given", async () => {
    const [a, b, c] = await t.blog.createPosts([{ title: "a" }, { title: "b" }, { title: "c", body: "kept" }])
    await new Promise((resolve) => setTimeout(resolve, 5))

    const { result: updated, statements } = await countStatements(t.app.database, () =>
      t.blog.updatePosts([
        { id: c!.id, views: 3 },
        { id: a!.id, title: "a2", body: null },
        { id: b!.id, body: "new" },
      ]),
    )

    expect(statements).toHaveLength(1)
    expect(updated.map((p) => [p.id, p.title, p.views, p.body])).toEqual([
      [c!.id, "c", 3, "kept"],
      [a!.id, "a2", 0, null],
      [b!.id, "b", 0, "new"],
    ])
    expect(updated[0]!.updated_at.getTime()).toBeGreaterThan(c!.updated_at.getTime())
    expect(updated[0]!.created_at).toEqual(c!.created_at)
    for (const post of updated) expect(await t.blog.retrievePost(post.id)).toEqual(post)
  })

  test("every property kind is written as a later read gives it, inside a transaction as outside one", async () => {
    const [one, two] = await t.blog.createGadgets([
      { name: "one", sku: "1", price: "1" },
      { name: "two", sku: "2", price: "2", tags: ["old"] },
    ])
    const changes = (tag: string) => [
      { id: one!.id, price: 12.5, released_at: new Date("2025-03-01T10:00:00.123Z"), specs: { color: "red" }, tags: [tag, "NULL"] },
      { id: two!.id, weight: "0.000000000000000000001", active: false, size: "small" as const, settings: { theme: "dark" }, stock: -4 },
    ]

    const outside = (tag: string) => t.blog.updateGadgets(changes(tag))
    const inside = (tag: string) => t.app.database.transaction(() => t.blog.updateGadgets(changes(tag)))
    for (const [update, tag] of [
      [outside, 'with "quotes"'],
      [inside, "back\\slash {brace}, comma"],
    ] as const) {
      const updated = await update(tag)
      expect(updated[0]).toMatchObject({ price: "12.5", specs: { color: "red" }, tags: [tag, "NULL"], size: "medium" })
      expect(updated[0]!.released_at).toEqual(new Date("2025-03-01T10:00:00.123Z"))
      expect(updated[1]).toMatchObject({ price: "2", weight: "0.000000000000000000001", active: false, size: "small", stock: -4, tags: ["old"] })
      expect(await t.blog.retrieveGadget(one!.id)).toEqual(updated[0])
      expect(await t.blog.retrieveGadget(two!.id)).toEqual(updated[1])
    }
  })

  test("rows with nothing to change only move on their updated_at", async () => {
    const [a, b] = await t.blog.createPosts([{ title: "a" }, { title: "b" }])
    await new Promise((resolve) => setTimeout(resolve, 5))

    const updated = await t.blog.updatePosts([{ id: a!.id }, { id: b!.id }])
    expect(updated.map((p) => p.title)).toEqual(["a", "b"])
    expect(updated[0]!.updated_at.getTime()).toBeGreaterThan(a!.updated_at.getTime())
  })

  test("unknown ids fail with not_found naming them in order, in the one statement, and no row is changed", async () => {
    const [a, b] = await t.blog.createPosts([{ title: "a" }, { title: "b" }])

    const { result: error, statements } = await countStatements(t.app.database, () =>
      rejection(
        t.blog.updatePosts([
          { id: a!.id, views: 1 },
          { id: "post_missing_1", views: 2 },
          { id: b!.id, views: 3 },
          { id: "post_missing_2", views: 4 },
        ]),
      ),
    )

    expect(statements).toHaveLength(1)
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("Post with id: post_missing_1, post_missing_2 was not found")
    expect(await stored()).toEqual([["a", 0, null], ["b", 0, null]])
  })

  test("a soft-deleted row among them is not found, and no row is changed", async () => {
    const [kept, gone] = await t.blog.createPosts([{ title: "kept" }, { title: "gone" }])
    await t.blog.softDeletePosts(gone!.id)

    const error = await rejection(t.blog.updatePosts([{ id: kept!.id, views: 1 }, { id: gone!.id, views: 1 }]))
    expect(error.message).toBe(`Post with id: ${gone!.id} was not found`)
    expect(await stored()).toEqual([["kept", 0, null]])
  })

  test("when no id names a row, not_found names them all", async () => {
    const error = await rejection(t.blog.updatePosts([{ id: "post_x", views: 1 }, { id: "post_y", views: 1 }]))
    expect(error.type).toBe(AgoraError.Types.NOT_FOUND)
    expect(error.message).toBe("Post with id: post_x, post_y was not found")
  })

  test("a duplicate unique value in one of them fails with duplicate_error, and no row is changed", async () => {
    const [news, tech] = await t.blog.createLabels([{ name: "news" }, { name: "tech" }])

    const error = await rejection(
      t.blog.updateLabels([
        { id: news!.id, name: "politics" },
        { id: tech!.id, name: "politics" },
      ]),
    )
    expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect((await t.blog.listLabels({}, { order: { name: "ASC" } })).map((l) => l.name)).toEqual(["news", "tech"])
  })

  test("the same row twice: both changes apply in order, each answered as it was written", async () => {
    const [a, b] = await t.blog.createPosts([{ title: "a" }, { title: "b" }])

    const updated = await t.blog.updatePosts([
      { id: a!.id, title: "a2" },
      { id: b!.id, views: 5 },
      { id: a!.id, views: 7 },
    ])

    expect(updated.map((p) => [p.id, p.title, p.views])).toEqual([
      [a!.id, "a2", 0],
      [b!.id, "b", 5],
      [a!.id, "a2", 7],
    ])
    expect(await stored()).toEqual([["a2", 7, null], ["b", 5, null]])
  })

  test("the same row twice with an unknown id: not_found, and no row is changed", async () => {
    const [a] = await t.blog.createPosts([{ title: "a" }])

    const error = await rejection(t.blog.updatePosts([{ id: a!.id, views: 1 }, { id: a!.id, views: 2 }, { id: "post_missing", views: 3 }]))
    expect(error.message).toBe("Post with id: post_missing was not found")
    expect(await stored()).toEqual([["a", 0, null]])
  })

  test("inside a transaction an unknown id fails with not_found, and the transaction stays usable", async () => {
    const [a] = await t.blog.createPosts([{ title: "a" }])

    await t.app.database.transaction(async () => {
      const error = await rejection(t.blog.updatePosts([{ id: a!.id, views: 1 }, { id: "post_missing", views: 2 }]))
      expect(error.message).toBe("Post with id: post_missing was not found")
      await t.blog.createPosts({ title: "after the failure" })
    })

    expect((await stored()).map(([title]) => title)).toEqual(["a", "after the failure"])
  })

  test("many rows at once take one statement", async () => {
    const posts = await t.blog.createPosts(Array.from({ length: 1_000 }, (_, i) => ({ title: `p${String(i).padStart(4, "0")}` })))

    const { result: updated, statements } = await countStatements(t.app.database, () =>
      t.blog.updatePosts(posts.map((post, i) => ({ id: post.id, views: i }))),
    )

    expect(statements).toHaveLength(1)
    expect(updated.map((post) => post.views)).toEqual(posts.map((_, i) => i))
    expect((await stored()).map(([, views]) => views)).toEqual(posts.map((_, i) => i))
  })
})
