import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import { startBlogApp } from "./blog-app.ts"
import type { BlogApp } from "./blog-app.ts"

let t: BlogApp
beforeAll(async () => {
  t = await startBlogApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected the call to fail"),
    (reason: unknown) => reason,
  )
}

describe("hasMany and belongsTo", () => {
  test("a post created with comments inline stores them, pointing back at it", async () => {
    const post = await t.blog.createPosts({
      title: "With comments",
      comments: [
        { author: "ann", body: "first" },
        { author: "bob", body: "second" },
      ],
    })

    expect(post.comments?.map((c) => [c.author, c.post_id])).toEqual([
      ["ann", post.id],
      ["bob", post.id],
    ])
    expect(post.comments?.[0]?.id).toMatch(/^com_/)
    const stored = await t.rows("select author, post_id from comment order by author")
    expect(stored).toEqual([
      { author: "ann", post_id: post.id },
      { author: "bob", post_id: post.id },
    ])
  })

  test('relations: ["comments"] loads the children; without it there is no such key', async () => {
    const post = await t.blog.createPosts({ title: "p", comments: [{ author: "ann", body: "hi" }] })
    await t.blog.createPosts({ title: "other", comments: [{ author: "zed", body: "elsewhere" }] })

    const loaded = await t.blog.retrievePost(post.id, { relations: ["comments"] })
    expect(loaded.comments).toEqual([expect.objectContaining({ author: "ann", body: "hi", post_id: post.id })])
    expect(await t.blog.retrievePost(post.id)).not.toHaveProperty("comments")
  })

  test("a post with no comments loads an empty list", async () => {
    const post = await t.blog.createPosts({ title: "lonely" })
    expect((await t.blog.retrievePost(post.id, { relations: ["comments"] })).comments).toEqual([])
  })

  test('relations: ["post"] loads the parent of each child', async () => {
    const post = await t.blog.createPosts({ title: "parent", comments: [{ author: "ann", body: "hi" }] })

    const [comment] = await t.blog.listComments({ post_id: post.id }, { relations: ["post"] })
    expect(comment?.post_id).toBe(post.id)
    expect(comment?.post).toMatchObject({ id: post.id, title: "parent" })
  })

  test("a child can be created on its own with the parent's id, and filtered by it", async () => {
    const [a, b] = await t.blog.createPosts([{ title: "a" }, { title: "b" }])
    await t.blog.createComments([
      { post_id: a!.id, author: "x", body: "on a" },
      { post_id: b!.id, author: "y", body: "on b" },
    ])

    expect((await t.blog.listComments({ post_id: b!.id })).map((c) => c.body)).toEqual(["on b"])
  })

  test("a child pointing at a missing parent fails with invalid_data", async () => {
    const error = await failure(t.blog.createComments({ post_id: "post_missing", author: "x", body: "orphan" }))
    expect(error).toBeInstanceOf(AgoraError)
    expect((error as AgoraError).type).toBe(AgoraError.Types.INVALID_DATA)
    expect(await t.rows("select id from comment")).toEqual([])
  })

  test("relations and select combine: the selected columns plus the loaded relation", async () => {
    const post = await t.blog.createPosts({ title: "p", body: "long", comments: [{ author: "ann", body: "hi" }] })

    const loaded = await t.blog.retrievePost(post.id, { relations: ["comments"], select: ["title"] })
    expect(Object.keys(loaded).sort()).toEqual(["comments", "id", "title"])
    expect(loaded.comments?.map((c) => c.author)).toEqual(["ann"])
  })

  test("a soft-deleted child is not loaded with its parent", async () => {
    const post = await t.blog.createPosts({
      title: "p",
      comments: [
        { author: "kept", body: "." },
        { author: "hidden", body: "." },
      ],
    })
    const hidden = post.comments?.find((c) => c.author === "hidden")
    await t.blog.softDeleteComments(hidden!.id)

    const loaded = await t.blog.retrievePost(post.id, { relations: ["comments"] })
    expect(loaded.comments?.map((c) => c.author)).toEqual(["kept"])
  })

  test("hard-deleting a parent deletes its children", async () => {
    const post = await t.blog.createPosts({ title: "p", comments: [{ author: "ann", body: "hi" }] })
    await t.blog.deletePosts(post.id)
    expect(await t.rows("select id from comment")).toEqual([])
  })
})

describe("manyToMany", () => {
  test("a post is linked to labels by ids or { id } objects and loads them from either side", async () => {
    const [news, tech, misc] = await t.blog.createLabels([{ name: "news" }, { name: "tech" }, { name: "misc" }])
    const post = await t.blog.createPosts({ title: "p", labels: [news!.id, { id: tech!.id }] })

    const loaded = await t.blog.retrievePost(post.id, { relations: ["labels"] })
    expect(loaded.labels?.map((l) => l.name).sort()).toEqual(["news", "tech"])
    const labels = await t.blog.listLabels({}, { relations: ["posts"], order: { name: "ASC" } })
    expect(labels.map((l) => [l.name, l.posts?.map((p) => p.id)])).toEqual([
      ["misc", []],
      ["news", [post.id]],
      ["tech", [post.id]],
    ])
    expect(misc).toBeDefined()
    expect(await t.rows("select count(*)::int as n from post_labels")).toEqual([{ n: 2 }])
  })

  test("an update replaces the set of linked rows; [] unlinks them all", async () => {
    const [news, tech] = await t.blog.createLabels([{ name: "news" }, { name: "tech" }])
    const post = await t.blog.createPosts({ title: "p", labels: [news!.id] })

    await t.blog.updatePosts({ id: post.id, labels: [tech!.id] })
    expect((await t.blog.retrievePost(post.id, { relations: ["labels"] })).labels?.map((l) => l.name)).toEqual(["tech"])

    await t.blog.updatePosts({ id: post.id, labels: [] })
    expect((await t.blog.retrievePost(post.id, { relations: ["labels"] })).labels).toEqual([])
    expect(await t.blog.listLabels()).toHaveLength(2)
  })

  test("linking an unknown id fails and links nothing", async () => {
    const news = await t.blog.createLabels({ name: "news" })
    const error = await failure(t.blog.createPosts({ title: "p", labels: [news.id, "lbl_missing"] }))
    expect(error).toBeInstanceOf(AgoraError)
    expect(await t.rows("select * from post_labels")).toEqual([])
    expect(await t.rows("select id from post")).toEqual([])
  })
})

describe("atomic writes", () => {
  test("a batch where one row breaks a constraint leaves no row behind", async () => {
    await t.blog.createLabels({ name: "taken" })

    const error = await failure(t.blog.createLabels([{ name: "fresh" }, { name: "taken" }, { name: "also fresh" }]))
    expect((error as AgoraError).type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect(await t.rows("select name from label")).toEqual([{ name: "taken" }])
  })

  test("a batch that repeats a unique value within itself leaves no row behind", async () => {
    const error = await failure(t.blog.createLabels([{ name: "twice" }, { name: "twice" }]))
    expect((error as AgoraError).type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect(await t.rows("select name from label")).toEqual([])
  })

  test("a parent whose inline child is invalid is not created", async () => {
    const child = { author: "ann" } as unknown as { author: string; body: string }
    const error = await failure(t.blog.createPosts({ title: "p", comments: [{ author: "ok", body: "ok" }, child] }))
    expect((error as AgoraError).type).toBe(AgoraError.Types.INVALID_DATA)
    expect(await t.rows("select id from post")).toEqual([])
    expect(await t.rows("select id from comment")).toEqual([])
  })
})

describe("database.transaction()", () => {
  test("service calls inside a transaction that throws are rolled back, and the error comes out as is", async () => {
    const boom = new Error("boom")
    const error = await failure(
      t.app.database.transaction(async () => {
        await t.blog.createPosts({ title: "inside" })
        await t.blog.createLabels({ name: "inside" })
        expect(await t.blog.listPosts({ title: "inside" })).toHaveLength(1) // visible within
        throw boom
      }),
    )

    expect(error).toBe(boom)
    expect(await t.blog.listPosts()).toEqual([])
    expect(await t.blog.listLabels()).toEqual([])
  })

  test("a failing service call rolls back the earlier writes of the transaction", async () => {
    await t.blog.createLabels({ name: "taken" })

    const error = await failure(
      t.app.database.transaction(async () => {
        await t.blog.createPosts({ title: "first write" })
        await t.blog.createLabels({ name: "taken" })
      }),
    )
    expect((error as AgoraError).type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect(await t.blog.listPosts()).toEqual([])
  })

  test("a transaction that resolves commits every write and returns its value", async () => {
    const result = await t.app.database.transaction(async () => {
      const post = await t.blog.createPosts({ title: "committed" })
      await t.blog.updatePosts({ id: post.id, views: 3 })
      return post.id
    })

    expect((await t.blog.retrievePost(result)).views).toBe(3)
  })

  test("a nested transaction joins the outer one: an outer failure undoes the inner writes", async () => {
    await failure(
      t.app.database.transaction(async () => {
        await t.app.database.transaction(async () => {
          await t.blog.createPosts({ title: "inner" })
        })
        throw new Error("outer fails after the inner one finished")
      }),
    )
    expect(await t.blog.listPosts()).toEqual([])
  })
})
