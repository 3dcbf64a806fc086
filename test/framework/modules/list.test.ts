import { afterAll, beforeAll, describe, expect, test } from "vitest"
import type { Filters } from "../../../src/framework/modules/index.ts"
import { startBlogApp } from "./blog-app.ts"
import type { BlogApp } from "./blog-app.ts"

let t: BlogApp
type PostFilters = NonNullable<Parameters<BlogApp["blog"]["listPosts"]>[0]>

// Read-only tests over one data set: `title` and `subtitle` are searchable, `body` is not.
const POSTS = [
  { title: "Alpha release", subtitle: "first", body: "needle in the body", views: 10 },
  { title: "beta notes", subtitle: null, body: null, views: 20 },
  { title: "Gamma 50% off", subtitle: "needle in the subtitle", body: null, views: 30 },
  { title: "Delta", subtitle: "under_score", body: null, views: 40 },
  { title: "alpha omega", subtitle: null, body: "needle again", views: 0 },
]

beforeAll(async () => {
  t = await startBlogApp()
  await t.blog.createPosts(POSTS)
  const deleted = await t.blog.createPosts({ title: "Alpha deleted", views: 15 })
  await t.blog.softDeletePosts(deleted.id)
  const [post] = await t.blog.listPosts({ title: "Delta" })
  await t.blog.createComments([
    { post_id: post!.id, author: "Needle Nose", body: "first!" },
    { post_id: post!.id, author: "Ann", body: "a needle here" },
    { post_id: post!.id, author: "Bob", body: "nothing" },
  ])
})
afterAll(() => t.close())

async function titles(filters: PostFilters) {
  const posts = await t.blog.listPosts(filters, { order: { title: "ASC" } })
  return posts.map((p) => p.title)
}

describe("listX filters", () => {
  test("no filter lists every row that is not soft-deleted, ordered by id", async () => {
    const posts = await t.blog.listPosts()
    expect(posts).toHaveLength(5)
    const ids = posts.map((p) => p.id)
    expect(ids).toEqual([...ids].sort())
  })

  test("a plain value is equality, and null matches NULL", async () => {
    expect(await titles({ title: "Delta" })).toEqual(["Delta"])
    expect(await titles({ views: 20 })).toEqual(["beta notes"])
    expect(await titles({ subtitle: null })).toEqual(["alpha omega", "beta notes"])
  })

  test("$eq and $ne, including $ne: null", async () => {
    expect(await titles({ views: { $eq: 30 } })).toEqual(["Gamma 50% off"])
    expect(await titles({ views: { $ne: 10 } })).toEqual(["Delta", "Gamma 50% off", "alpha omega", "beta notes"])
    expect(await titles({ subtitle: { $ne: null } })).toEqual(["Alpha release", "Delta", "Gamma 50% off"])
  })

  test("a plain array is IN, as is $in; $nin excludes", async () => {
    expect(await titles({ views: [10, 40, 999] })).toEqual(["Alpha release", "Delta"])
    expect(await titles({ title: { $in: ["Delta", "beta notes"] } })).toEqual(["Delta", "beta notes"])
    expect(await titles({ views: { $nin: [0, 10, 20] } })).toEqual(["Delta", "Gamma 50% off"])
    expect(await titles({ views: [] })).toEqual([])
  })

  test("$lt, $lte, $gt and $gte compare, and combine into a range", async () => {
    expect(await titles({ views: { $lt: 20 } })).toEqual(["Alpha release", "alpha omega"])
    expect(await titles({ views: { $lte: 20 } })).toEqual(["Alpha release", "alpha omega", "beta notes"])
    expect(await titles({ views: { $gt: 30 } })).toEqual(["Delta"])
    expect(await titles({ views: { $gte: 30 } })).toEqual(["Delta", "Gamma 50% off"])
    expect(await titles({ views: { $gt: 0, $lt: 30 } })).toEqual(["Alpha release", "beta notes"])
  })

  test("$like is case-sensitive, $ilike is not", async () => {
    expect(await titles({ title: { $like: "Alpha%" } })).toEqual(["Alpha release"])
    expect(await titles({ title: { $ilike: "alpha%" } })).toEqual(["Alpha release", "alpha omega"])
    expect(await titles({ title: { $like: "%ta%" } })).toEqual(["Delta", "beta notes"])
  })

  test("dates compare with Date objects and ISO strings", async () => {
    const [first] = await t.blog.listPosts({}, { order: { created_at: "ASC" } })
    const future = new Date(Date.now() + 60_000)
    expect(await t.blog.listPosts({ created_at: { $gt: future } })).toEqual([])
    expect(await t.blog.listPosts({ created_at: { $lte: future.toISOString() } })).toHaveLength(5)
    expect((await t.blog.listPosts({ created_at: { $gte: first!.created_at } })).length).toBe(5)
  })

  test("q searches the searchable text columns, case-insensitively, and nothing else", async () => {
    expect(await titles({ q: "ALPHA" })).toEqual(["Alpha release", "alpha omega"])
    expect(await titles({ q: "needle" })).toEqual(["Gamma 50% off"]) // the body matches are not searched
    expect(await titles({ q: "no such words" })).toEqual([])
  })

  test("q takes % and _ literally", async () => {
    expect(await titles({ q: "50%" })).toEqual(["Gamma 50% off"])
    expect(await titles({ q: "%" })).toEqual(["Gamma 50% off"])
    expect(await titles({ q: "_" })).toEqual(["Delta"])
  })

  test("q over a model with no searchable column searches all its text columns", async () => {
    const comments = await t.blog.listComments({ q: "needle" }, { order: { author: "ASC" } })
    expect(comments.map((c) => c.author)).toEqual(["Ann", "Needle Nose"])
  })

  test("q combines with other filters", async () => {
    expect(await titles({ q: "alpha", views: { $gt: 0 } })).toEqual(["Alpha release"])
  })

  test("$or matches any branch, $and all of them, and they nest", async () => {
    expect(await titles({ $or: [{ views: { $lt: 5 } }, { title: "Delta" }] })).toEqual(["Delta", "alpha omega"])
    expect(await titles({ $and: [{ views: { $gte: 10 } }, { views: { $lte: 30 } }] })).toEqual([
      "Alpha release",
      "Gamma 50% off",
      "beta notes",
    ])
    const nested: PostFilters = { $and: [{ subtitle: { $ne: null } }, { $or: [{ views: 10 }, { views: 40 }] }] }
    expect(await titles(nested)).toEqual(["Alpha release", "Delta"])
  })

  test("soft-deleted rows match no filter unless withDeleted is set", async () => {
    expect(await titles({ title: "Alpha deleted" })).toEqual([])
    const all = await t.blog.listPosts({ title: { $ilike: "alpha%" } }, { withDeleted: true, order: { title: "ASC" } })
    expect(all.map((p) => p.title)).toEqual(["Alpha deleted", "Alpha release", "alpha omega"])
  })

  test("loading relations does not change which rows a filter matches, nor their order", async () => {
    const cases: PostFilters[] = [
      {},
      { title: "Delta" },
      { subtitle: null },
      { views: { $ne: 10 } },
      { views: [10, 40] },
      { views: { $nin: [0, 10] } },
      { views: { $gt: 0, $lte: 30 } },
      { title: { $like: "Alpha%" } },
      { title: { $ilike: "alpha%" } },
      { q: "needle" },
      { q: "50%" },
      { $or: [{ views: { $lt: 5 } }, { title: "Delta" }] },
      { $and: [{ subtitle: { $ne: null } }, { $or: [{ views: 10 }, { views: 40 }] }] },
    ]
    for (const filters of cases) {
      const plain = await t.blog.listPosts(filters, { order: { views: "DESC" } })
      const withComments = await t.blog.listPosts(filters, { order: { views: "DESC" }, relations: ["comments"] })
      expect(withComments.map((p) => p.id), JSON.stringify(filters)).toEqual(plain.map((p) => p.id))
    }
  })

  test("a row reads the same, value for value, whether or not relations are loaded", async () => {
    const plain = await t.blog.listPosts({}, { order: { views: "ASC" } })
    const loaded = await t.blog.listPosts({}, { order: { views: "ASC" }, relations: ["comments"] })
    expect(loaded.map(({ comments: _comments, ...row }) => row)).toEqual(plain)
    expect(plain[0]?.created_at).toBeInstanceOf(Date)
  })

  test("filters type-check against the model (a Filters<Post> value is accepted as is)", async () => {
    const filters: Filters<{ views: number; title: string }> = { views: { $gte: 40 }, title: ["Delta"] }
    expect(await titles(filters)).toEqual(["Delta"])
  })
})

describe("listX pagination, order and select", () => {
  test("take and skip page through the ordered rows", async () => {
    const page = (skip: number) => t.blog.listPosts({}, { order: { views: "ASC" }, take: 2, skip })
    expect((await page(0)).map((p) => p.views)).toEqual([0, 10])
    expect((await page(2)).map((p) => p.views)).toEqual([20, 30])
    expect((await page(4)).map((p) => p.views)).toEqual([40])
    expect(await page(6)).toEqual([])
  })

  test("order sorts by the given columns, either direction, either case", async () => {
    const desc = await t.blog.listPosts({}, { order: { views: "DESC" } })
    expect(desc.map((p) => p.views)).toEqual([40, 30, 20, 10, 0])
    const asc = await t.blog.listPosts({}, { order: { views: "asc" } })
    expect(asc.map((p) => p.views)).toEqual([0, 10, 20, 30, 40])
    const bySubtitle = await t.blog.listPosts({ subtitle: { $ne: null } }, { order: { subtitle: "desc" } })
    expect(bySubtitle.map((p) => p.subtitle)).toEqual(["under_score", "needle in the subtitle", "first"])
  })

  test("select returns only the id and the selected columns", async () => {
    const posts = await t.blog.listPosts({ views: 10 }, { select: ["title"] })
    expect(posts).toEqual([{ id: expect.stringMatching(/^post_/), title: "Alpha release" }])
  })
})

describe("listAndCountX", () => {
  test("the count is of every match, whatever the page", async () => {
    const [rows, count] = await t.blog.listAndCountPosts({ views: { $gte: 10 } }, { take: 2, order: { views: "ASC" } })
    expect(rows.map((p) => p.views)).toEqual([10, 20])
    expect(count).toBe(4)
  })

  test("an offset past the end returns no rows and still the right count", async () => {
    expect(await t.blog.listAndCountPosts({}, { skip: 50, take: 10 })).toEqual([[], 5])
    expect(await t.blog.listAndCountPosts({ views: { $gte: 10 } }, { skip: 4 })).toEqual([[], 4])
  })

  test("take: 0 returns no rows but still the count", async () => {
    expect(await t.blog.listAndCountPosts({}, { take: 0 })).toEqual([[], 5])
    expect(await t.blog.listAndCountPosts({}, { take: 0, relations: ["comments"] })).toEqual([[], 5])
  })

  test("no match gives [[], 0]", async () => {
    expect(await t.blog.listAndCountPosts({ title: "nothing" })).toEqual([[], 0])
  })

  test("rows carry no helper columns, and select applies", async () => {
    const [rows, count] = await t.blog.listAndCountPosts({ title: "Delta" }, { select: ["views"] })
    expect(count).toBe(1)
    expect(rows).toEqual([{ id: expect.stringMatching(/^post_/), views: 40 }])
  })

  test("with relations loaded, the count still ignores pagination", async () => {
    const [rows, count] = await t.blog.listAndCountPosts({}, { relations: ["comments"], take: 1, order: { views: "DESC" } })
    expect(count).toBe(5)
    expect(rows.map((p) => [p.title, p.comments?.length])).toEqual([["Delta", 3]])
    expect(await t.blog.listAndCountPosts({}, { relations: ["comments"], skip: 9 })).toEqual([[], 5])
  })

  test("withDeleted counts soft-deleted rows too", async () => {
    expect((await t.blog.listAndCountPosts({}, { withDeleted: true, take: 1 }))[1]).toBe(6)
  })
})
