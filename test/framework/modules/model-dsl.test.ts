import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { generateId, model, Module, ModuleService, toEntitySchema } from "../../../src/framework/modules/index.ts"
import { BlogModuleService } from "../../fixtures/modules/blog/index.ts"
import blogModule from "../../fixtures/modules/blog/index.ts"
import { startBlogApp } from "./blog-app.ts"
import type { BlogApp } from "./blog-app.ts"

let t: BlogApp
beforeAll(async () => {
  t = await startBlogApp()
})
afterAll(() => t.close())

type Column = { column_name: string; data_type: string; is_nullable: "YES" | "NO"; column_default: string | null }

describe("the tables a model defines", () => {
  test("each property kind gets its column type, nullability and database default", async () => {
    const columns = await t.rows<Column>(
      `select column_name, data_type, is_nullable, column_default from information_schema.columns
       where table_name = 'gadget' order by ordinal_position`,
    )
    const shape = Object.fromEntries(columns.map((c) => [c.column_name, [c.data_type, c.is_nullable]]))
    expect(shape).toEqual({
      id: ["text", "NO"],
      name: ["text", "NO"],
      sku: ["text", "NO"],
      nickname: ["text", "YES"],
      stock: ["integer", "NO"],
      rating: ["integer", "YES"],
      price: ["numeric", "NO"],
      weight: ["numeric", "YES"],
      active: ["boolean", "NO"],
      released_at: ["timestamp with time zone", "YES"],
      specs: ["jsonb", "YES"],
      settings: ["jsonb", "NO"],
      size: ["text", "NO"],
      tags: ["ARRAY", "NO"],
      created_at: ["timestamp with time zone", "NO"],
      updated_at: ["timestamp with time zone", "NO"],
      deleted_at: ["timestamp with time zone", "YES"],
    })
    const defaults = Object.fromEntries(columns.map((c) => [c.column_name, c.column_default]))
    expect(defaults).toMatchObject({ stock: "0", active: "true", size: "'medium'::text", created_at: "now()" })
  })

  test("an enum column refuses other values in the database itself", async () => {
    const insert = t.rows(`insert into gadget (id, name, sku, price, settings, size, tags) values ('g1', 'n', 's', 1, '{}', 'huge', '{}')`)
    await expect(insert).rejects.toThrow(/gadget_size_check/)
  })

  test("a unique column is unique among rows that are not soft-deleted; index() adds an index", async () => {
    const indexes = await t.rows<{ indexname: string; indexdef: string }>(
      "select indexname, indexdef from pg_indexes where tablename = 'gadget' order by indexname",
    )
    const unique = indexes.find((index) => index.indexdef.includes("(name)"))
    expect(unique?.indexdef).toMatch(/^CREATE UNIQUE INDEX .* WHERE \(deleted_at IS NULL\)$/)
    expect(indexes.some((index) => index.indexdef.includes("(sku)") && !index.indexdef.includes("UNIQUE"))).toBe(true)
  })

  test("belongsTo adds a foreign key column; manyToMany a pivot table", async () => {
    const fk = await t.rows<{ column_name: string; is_nullable: string }>(
      "select column_name, is_nullable from information_schema.columns where table_name = 'comment' and column_name = 'post_id'",
    )
    expect(fk).toEqual([{ column_name: "post_id", is_nullable: "NO" }])
    const pivot = await t.rows<{ column_name: string }>(
      "select column_name from information_schema.columns where table_name = 'post_labels' order by column_name",
    )
    expect(pivot.map((c) => c.column_name)).toEqual(["label_id", "post_id"])
  })
})

describe("the model DSL", () => {
  test("a modifier returns a new property and leaves the one it was called on unchanged", () => {
    const text = model.text()
    const nullable = text.nullable()
    const unique = text.unique()

    expect(text.definition).toMatchObject({ nullable: false, unique: false })
    expect(nullable.definition).toMatchObject({ nullable: true, unique: false })
    expect(unique.definition).toMatchObject({ nullable: false, unique: true })
    expect(unique).toBeInstanceOf(text.constructor)
  })

  test("define accepts a table name different from the model name", () => {
    const entry = model.define({ name: "entry", tableName: "journal_entries" }, { id: model.id().primaryKey() })
    expect(entry.name).toBe("entry")
    expect(toEntitySchema(entry).meta.tableName).toBe("journal_entries")
  })

  test("a hasMany with no belongsTo pointing back is refused, naming both models", () => {
    const Target = model.define("orphan_target", { id: model.id().primaryKey() })
    const Source = model.define("orphan_source", { id: model.id().primaryKey(), targets: model.hasMany(() => Target) })
    expect(() => toEntitySchema(Source)).toThrow(
      "orphan_source: hasMany(orphan_target) needs a belongsTo on orphan_target pointing back, or { mappedBy }",
    )
  })

  test("generated ids are <prefix>_<ULID>, or a bare ULID without a prefix, and sort by creation time", async () => {
    const first = generateId("post")
    await new Promise((resolve) => setTimeout(resolve, 2))
    const second = generateId("post")

    expect(first).toMatch(/^post_[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(generateId()).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(first < second).toBe(true)
  })
})

describe("Module() and ModuleService()", () => {
  test("a module definition carries its key, service and the service's models", () => {
    expect(blogModule.key).toBe("blog")
    expect(blogModule.service).toBe(BlogModuleService)
    expect(blogModule.models.map((m) => m.name).sort()).toEqual(["comment", "gadget", "label", "post"])
  })

  test("a module key must be an identifier", () => {
    expect(() => Module("my-blog", { service: BlogModuleService })).toThrow(
      'Module key "my-blog" must start with a lowercase letter and hold only letters, digits and _',
    )
  })

  test("generated method names follow English plurals", () => {
    const idOnly = () => ({ id: model.id().primaryKey() })
    const Service = ModuleService({
      Category: model.define("category", idOnly()),
      Box: model.define("box", idOnly()),
      Key: model.define("key", idOnly()),
      Address: model.define("address", idOnly()),
    })
    const service = new Service({ database: t.app.database })
    const methods = Object.keys(service).filter((key) => typeof (service as Record<string, unknown>)[key] === "function")

    expect(methods).toEqual(
      expect.arrayContaining([
        "retrieveCategory",
        "listCategories",
        "listAndCountCategories",
        "createCategories",
        "updateCategories",
        "deleteCategories",
        "softDeleteCategories",
        "restoreCategories",
        "listBoxes",
        "listKeys",
        "listAddresses",
      ]),
    )
    expect(methods).toHaveLength(32)
  })

  test("the service is registered under the module key and keeps its own methods", async () => {
    const blog = t.app.container.resolve<BlogModuleService>("blog")
    expect(blog).toBeInstanceOf(BlogModuleService)
    await t.blog.createPosts([
      { title: "a", views: 1 },
      { title: "b", views: 9 },
      { title: "c", views: 5 },
    ])
    expect((await blog.popularPosts(2)).map((p) => p.title)).toEqual(["b", "c"])
  })
})
