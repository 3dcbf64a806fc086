import { ForeignKeyConstraintViolationException } from "@mikro-orm/core"
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest"
import { AgoraError } from "../../../src/framework/errors/index.ts"
import type { AnyModel } from "../../../src/framework/modules/index.ts"
import { insertStatement } from "../../../src/framework/modules/service/insert-statement.ts"
import { Comment } from "../../fixtures/modules/blog/models/comment.ts"
import { Post } from "../../fixtures/modules/blog/models/post.ts"
import { countStatements } from "../../setup/count-statements.ts"
import { rejection, startBlogApp } from "./blog-app.ts"
import type { BlogApp } from "./blog-app.ts"

let t: BlogApp
beforeAll(async () => {
  t = await startBlogApp()
})
afterAll(() => t.close())
beforeEach(() => t.reset())

const ids = async (table: string) => (await t.rows<{ id: string }>(`select id from "${table}" order by id`)).map((row) => row.id)

describe("a create with inline children", () => {
  test("is one statement, and the children point at their parent", async () => {
    const { result: posts, statements } = await countStatements(t.app.database, () =>
      t.blog.createPosts([
        { title: "first", comments: [{ author: "ann", body: "a" }, { author: "bob", body: "b" }] },
        { title: "second", comments: [{ author: "cy", body: "c" }] },
      ]),
    )

    expect(statements).toHaveLength(1)
    const stored = await t.rows("select author, post_id from comment order by author")
    expect(stored).toEqual([
      { author: "ann", post_id: posts[0]!.id },
      { author: "bob", post_id: posts[0]!.id },
      { author: "cy", post_id: posts[1]!.id },
    ])
    expect(await t.blog.retrievePost(posts[0]!.id, { relations: ["comments"] })).toMatchObject({
      title: "first",
      comments: [expect.objectContaining({ author: "ann" }), expect.objectContaining({ author: "bob" })],
    })
  })

  test("inside a transaction it joins it: a later failure of the transaction undoes it", async () => {
    const error = await t.app.database
      .transaction(async () => {
        const post = await t.blog.createPosts({ title: "inside", comments: [{ author: "ann", body: "a" }] })
        expect(await t.blog.listComments({ post_id: post.id })).toHaveLength(1) // visible within
        throw new Error("the transaction fails after the create")
      })
      .catch((reason: unknown) => reason)

    expect((error as Error).message).toBe("the transaction fails after the create")
    expect(await ids("post")).toEqual([])
    expect(await ids("comment")).toEqual([])
  })

  test("a child whose id is taken fails with duplicate_error, and neither the parent nor its other children are written", async () => {
    await t.blog.createPosts({ title: "old", comments: [{ id: "com_taken", author: "ann", body: "a" }] })

    const error = await rejection(
      t.blog.createPosts({ title: "new", comments: [{ author: "bob", body: "b" }, { id: "com_taken", author: "cy", body: "c" }] }),
    )
    expect(error.type).toBe(AgoraError.Types.DUPLICATE_ERROR)
    expect(error.message).toBe("Post with id: com_taken already exists.")
    expect((await t.blog.listPosts()).map((post) => post.title)).toEqual(["old"])
    expect(await ids("comment")).toEqual(["com_taken"])
  })

  test("when a parent and its child both break a constraint, the parent's is the one reported: parents are written first", async () => {
    await t.blog.createPosts({ id: "post_taken", title: "old", comments: [{ id: "com_taken", author: "ann", body: "a" }] })

    const error = await rejection(t.blog.createPosts({ id: "post_taken", title: "new", comments: [{ id: "com_taken", author: "b", body: "b" }] }))
    expect(error.message).toBe("Post with id: post_taken already exists.")
  })

  test("a NOT NULL column of a child left null fails with invalid_data naming it, and nothing is written", async () => {
    // A column the model does not know: only PostgreSQL can refuse the row.
    await t.rows(`alter table "comment" add column "moderator" text not null`)
    try {
      const error = await rejection(t.blog.createPosts({ title: "p", comments: [{ author: "ann", body: "a" }] }))
      expect(error.type).toBe(AgoraError.Types.INVALID_DATA)
      expect(error.message).toBe("Post: moderator is required")
      expect(await ids("post")).toEqual([])
    } finally {
      await t.rows(`alter table "comment" drop column "moderator"`)
    }
  })

  test("more values than a statement may carry parameters are still written by one statement", async () => {
    // 2,000 posts of 8 columns and 8,000 comments of 7: 72,000 values, past PostgreSQL's 65,535 parameters.
    const input = Array.from({ length: 2_000 }, (_, i) => ({
      title: `post ${i}`,
      comments: Array.from({ length: 4 }, (_, j) => ({ author: `author ${j}`, body: `comment ${j} on ${i}` })),
    }))

    const { result: posts, statements } = await countStatements(t.app.database, () => t.blog.createPosts(input))
    expect(statements).toHaveLength(1)
    expect(posts).toHaveLength(2_000)
    expect(await t.rows("select count(*)::int as n from post")).toEqual([{ n: 2_000 }])
    const [check] = await t.rows<{ n: number; orphans: number }>(
      `select count(*)::int as n, count(*) filter (where not exists (select 1 from post where post.id = comment.post_id))::int as orphans from comment`,
    )
    expect(check).toEqual({ n: 8_000, orphans: 0 })
  })
})

describe("the statement a create with children sends", () => {
  const now = new Date()
  const post = (id: string) => ({ id, title: "p", subtitle: null, body: null, views: 0, created_at: now, updated_at: now, deleted_at: null })
  const comment = (id: string, postId: string) => ({ id, author: "a", body: "b", post_id: postId, created_at: now, updated_at: now, deleted_at: null })
  const statement = (posts: Record<string, unknown>[], comments: Record<string, unknown>[]) =>
    insertStatement(
      new Map<AnyModel, Record<string, unknown>[]>([
        [Post, posts],
        [Comment, comments],
      ]),
    )

  test("a child referencing the parent inserted by the same statement is accepted: foreign keys are checked at the statement's end", async () => {
    const { sql, params } = statement([post("post_new")], [comment("com_new", "post_new")])
    await t.app.database.execute(sql, params)

    expect(await t.rows("select id, post_id from comment")).toEqual([{ id: "com_new", post_id: "post_new" }])
  })

  test("a child referencing a missing parent fails, and the parent inserted with it is not left behind", async () => {
    const { sql, params } = statement([post("post_new")], [comment("com_new", "post_missing")])

    const error = await t.app.database.execute(sql, params).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(ForeignKeyConstraintViolationException)
    expect(await ids("post")).toEqual([])
    expect(await ids("comment")).toEqual([])
  })
})

describe("a create made only if a condition holds (onlyIf)", () => {
  const titleFree = (title: string) => ({ sql: `not exists (select 1 from "post" where "title" = ?)`, params: [title] })

  test("writes the rows and their children in one statement when it holds", async () => {
    const { result: posts, statements } = await countStatements(t.app.database, () =>
      t.blog.createPosts([{ title: "first", comments: [{ author: "ann", body: "a" }] }, { title: "second" }], { onlyIf: titleFree("taken") }),
    )

    expect(statements).toHaveLength(1)
    expect(posts.map((post) => post.title)).toEqual(["first", "second"])
    expect(await ids("post")).toEqual(posts.map((post) => post.id).sort())
    expect(await t.rows("select author, post_id from comment")).toEqual([{ author: "ann", post_id: posts[0]!.id }])
  })

  test("writes nothing, parents or children, and answers no rows when it does not", async () => {
    await t.blog.createPosts({ title: "taken" })
    const before = await ids("post")

    const posts = await t.blog.createPosts([{ title: "first", comments: [{ author: "ann", body: "a" }] }, { title: "second" }], {
      onlyIf: titleFree("taken"),
    })

    expect(posts).toEqual([])
    expect(await ids("post")).toEqual(before)
    expect(await ids("comment")).toEqual([])
  })
})
