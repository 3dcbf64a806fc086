import { readFile } from "node:fs/promises"
import path from "node:path"
import type { LightMyRequestResponse } from "fastify"
import { afterAll, beforeAll, describe, expect, test } from "vitest"
import { z } from "zod"
import { buildOpenApiDocument, documentMiddleware, loadRoutes, toOpenApiPath } from "../../../src/framework/http/index.ts"
import type { OpenApiDocument } from "../../../src/framework/http/index.ts"
import { startHttpApp } from "../../api/http-app.ts"
import type { HttpApp } from "../../api/http-app.ts"
import { startFixtureApp } from "../../setup/fixture-app.ts"
import type { FixtureApp } from "../../setup/fixture-app.ts"
import { PROJECT_ROOT } from "../../setup/test-app.ts"

type Schema = { [key: string]: unknown }
type Operation = {
  operationId: string
  tags: string[]
  security?: Record<string, string[]>[]
  parameters?: { name: string; in: string; required: boolean; schema: Schema; style?: string }[]
  requestBody?: { required: boolean; content: { "application/json": { schema: Schema } } }
  responses: Record<string, unknown>
}
const operation = (document: OpenApiDocument, path: string, method: string) =>
  document.paths[path]?.[method] as unknown as Operation | undefined

describe("the API reference of the fixture API", () => {
  let t: FixtureApp
  let document: OpenApiDocument

  beforeAll(async () => {
    t = await startFixtureApp()
    const res = await t.request({ method: "GET", url: "/openapi.json" })
    expect(res.statusCode).toBe(200)
    document = res.json()
  })
  afterAll(() => t?.close())

  test("GET /openapi.json is an OpenAPI 3.1 document of every loaded route, paths in OpenAPI form", async () => {
    expect(document.openapi).toBe("3.1.0")
    expect(document.info).toMatchObject({ title: "Agora API", version: expect.any(String) })
    const routes = await loadRoutes(path.join(PROJECT_ROOT, "test/fixtures/api"))
    for (const route of routes) {
      expect(operation(document, toOpenApiPath(route.path), route.method.toLowerCase()), `${route.method} ${route.path}`).toBeDefined()
    }
    expect(Object.keys(document.paths)).toContain("/store/echo/{id}/items/{item_id}")
    expect(Object.keys(document.paths).some((p) => p.includes(":"))).toBe(false)
    const echo = operation(document, "/store/echo/{id}/items/{item_id}", "get")!
    expect(echo.parameters?.filter((p) => p.in === "path")).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "string" } },
      { name: "item_id", in: "path", required: true, schema: { type: "string" } },
    ])
    expect(echo.responses).toHaveProperty("404")
    // The reference's own endpoints are not part of the API it documents.
    expect(document.paths["/docs"]).toBeUndefined()
    expect(document.paths["/openapi.json"]).toBeUndefined()
  })

  test("a body schema is the zod schema's input: required fields, types, and no extra keys where strict", () => {
    const create = operation(document, "/store/widgets", "post")!
    expect(create.requestBody?.required).toBe(true)
    const schema = create.requestBody!.content["application/json"].schema
    expect(schema).toMatchObject({
      type: "object",
      required: ["name", "quantity"],
      additionalProperties: false,
      properties: {
        name: { type: "string", minLength: 1 },
        quantity: { type: "integer", minimum: 1 },
        address: { type: "object", required: ["city"], additionalProperties: false },
      },
    })
    expect(schema).not.toHaveProperty("$schema")
  })

  test("a query schema becomes query parameters: defaults are optional, objects travel as deep objects", () => {
    const list = operation(document, "/store/widgets", "get")!
    const byName = Object.fromEntries((list.parameters ?? []).map((p) => [p.name, p]))
    expect(Object.keys(byName).sort()).toEqual(["created_at", "fields", "id", "limit", "name", "offset", "order", "q"])
    expect(byName.limit).toMatchObject({ in: "query", required: false, schema: { type: "integer", default: 10 } })
    expect(byName.created_at).toMatchObject({ in: "query", style: "deepObject" })
    expect(list.requestBody).toBeUndefined()
  })

  test("operations are tagged by area and resource, and ask for the credentials of their area", () => {
    expect(operation(document, "/store/widgets", "post")!.tags).toEqual(["Store Widgets"])
    expect(operation(document, "/admin/private", "get")!.tags).toEqual(["Admin Private"])
    expect(operation(document, "/auth/{actor_type}/{auth_provider}", "post")!.tags).toEqual(["Auth"])
    expect(document.tags.map((tag) => tag.name)).toContain("Store Widgets")

    expect(operation(document, "/admin/private", "get")!.security).toEqual([{ jwt_token: [] }])
    expect(operation(document, "/admin/private", "get")!.responses).toHaveProperty("401")
    // Opted out of the guard, or outside the guarded areas: nothing to send.
    expect(operation(document, "/store/widgets", "get")!.security).toBeUndefined()
    expect(operation(document, "/admin/public", "get")!.security).toBeUndefined()
    expect(operation(document, "/auth/{actor_type}/{auth_provider}", "post")!.security).toBeUndefined()
    expect(document.components.securitySchemes).toMatchObject({
      jwt_token: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
      publishable_api_key: { type: "apiKey", in: "header", name: "x-publishable-api-key" },
    })
  })

  test("every operation documents the error body {type, message, code?}", () => {
    expect(document.components.schemas.Error).toMatchObject({
      type: "object",
      properties: { type: { type: "string" }, message: { type: "string" }, code: { type: "string" } },
      required: ["type", "message"],
    })
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(op.responses["400"], `${method} ${path}`).toEqual({ $ref: "#/components/responses/InvalidRequest" })
        expect(op.responses.default, `${method} ${path}`).toEqual({ $ref: "#/components/responses/UnexpectedError" })
      }
    }
  })

  test("validation stays with the zod middlewares: an invalid body gets their message, not fastify's", async () => {
    const res = await t.request({ method: "POST", url: "/store/widgets", payload: { quantity: 1 } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({ type: "invalid_data", message: "Invalid request: Field 'name' is required" })
  })

  test("/openapi.json and /docs need no credentials: the /store and /admin guards do not apply", async () => {
    const json = await t.request({ method: "GET", url: "/openapi.json" })
    expect(json.statusCode).toBe(200)
    expect(json.headers["content-type"]).toMatch(/application\/json/)

    const page = await follow(t, "/docs")
    expect(page.statusCode).toBe(200)
    expect(page.headers["content-type"]).toMatch(/text\/html/)
    expect(page.body).toContain('<div id="swagger-ui">')

    // The page loads its script and the same document.
    const initializer = await follow(t, "/docs/static/swagger-initializer.js")
    expect(initializer.statusCode).toBe(200)
    const served = await follow(t, "/docs/json")
    expect(served.json()).toEqual(json.json())
  })
})

describe("buildOpenApiDocument", () => {
  test("a recursive schema moves to components and its refs point there", () => {
    type Filter = { name?: string; $or?: Filter[] }
    const filter: z.ZodType<Filter> = z.lazy(() => z.object({ name: z.string().optional(), $or: z.array(filter).optional() }).strict())
    const middleware = documentMiddleware(async () => {}, { body: z.object({ filter }).strict() })
    const document = buildOpenApiDocument([{ path: "/admin/search", method: "POST", authenticate: true, chain: [middleware] }], {
      title: "Test",
      version: "1.0.0",
    })
    const schema = (document.paths["/admin/search"]?.post as unknown as Operation).requestBody!.content["application/json"].schema
    const text = JSON.stringify(document)
    expect(text).not.toContain("#/$defs/")
    const ref = (schema.properties as { filter: { $ref: string } }).filter.$ref
    expect(ref).toMatch(/^#\/components\/schemas\//)
    const component = document.components.schemas[ref.slice("#/components/schemas/".length)]
    expect(component).toMatchObject({ type: "object", additionalProperties: false })
    expect(JSON.stringify(component)).toContain(ref)
  })

  test("a guarded store route asks for the publishable key, a customer's token being optional", () => {
    const document = buildOpenApiDocument([{ path: "/store/things/:id", method: "DELETE", authenticate: true, chain: [] }], {
      title: "Test",
      version: "1.0.0",
    })
    const op = document.paths["/store/things/{id}"]?.delete as unknown as Operation
    expect(op.security).toEqual([{ publishable_api_key: [] }, { publishable_api_key: [], jwt_token: [] }])
    expect(op.tags).toEqual(["Store Things"])
    // No validators: the path and the responses only.
    expect(op.operationId).toBe("DeleteStoreThingsId")
    expect(op.requestBody).toBeUndefined()
    expect(op.parameters).toEqual([{ name: "id", in: "path", required: true, schema: { type: "string" } }])
  })
})

describe("the API reference of the real app", () => {
  let t: HttpApp
  let document: OpenApiDocument

  beforeAll(async () => {
    t = await startHttpApp()
    const res = await t.anonymous.get("/openapi.json")
    expect(res.statusCode).toBe(200)
    document = res.json()
  })
  afterAll(() => t?.close())

  test("every route of src/api is in /openapi.json", async () => {
    const routes = await loadRoutes(path.join(PROJECT_ROOT, "src/api"))
    expect(routes.length).toBeGreaterThan(0)
    const missing = routes.filter((route) => !operation(document, toOpenApiPath(route.path), route.method.toLowerCase()))
    expect(missing.map((route) => `${route.method} ${route.path}`)).toEqual([])
  })

  test("every POST route whose handler reads a body documents that body", async () => {
    const routes = await loadRoutes(path.join(PROJECT_ROOT, "src/api"))
    const undocumented: string[] = []
    for (const route of routes.filter((r) => r.method === "POST")) {
      const source = await readFile(route.file, "utf8")
      if (!source.includes("validatedBody")) continue
      const body = operation(document, toOpenApiPath(route.path), "post")?.requestBody
      if (!body?.content["application/json"].schema) undocumented.push(route.path)
    }
    expect(undocumented).toEqual([])
  })

  test("/docs answers HTML without a publishable key or a token", async () => {
    const res = await t.anonymous.get("/docs")
    expect(res.statusCode).toBe(200)
    expect(res.headers["content-type"]).toMatch(/text\/html/)
  })
})

/** GETs `url`, following redirects as a browser would (the reference's pages redirect to their canonical URL). */
async function follow(t: FixtureApp, url: string, hops = 5): Promise<LightMyRequestResponse> {
  const res = await t.request({ method: "GET", url })
  const location = res.headers.location
  if (res.statusCode >= 300 && res.statusCode < 400 && typeof location === "string" && hops > 0) {
    return follow(t, new URL(location, `http://localhost${url}`).pathname, hops - 1)
  }
  return res
}
