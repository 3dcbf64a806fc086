import { schemasOf } from "./route-documentation.ts"
import { OpenApiSchemas } from "./openapi-schema.ts"
import type { JsonSchema } from "./openapi-schema.ts"
import type { AgoraMiddleware, HttpMethod } from "./types.ts"

/** A loaded route as the reference documents it: its path, method, guard and middleware chain. */
export type DocumentedRoute = {
  /** fastify path, e.g. `/store/carts/:id/line-items`. */
  path: string
  method: HttpMethod
  /** Whether the area's guard (admin user, publishable key) runs before the route. */
  authenticate: boolean
  chain: readonly AgoraMiddleware[]
}

export type OpenApiInfo = { title: string; version: string; description?: string }

type Parameter = { name: string; in: "path" | "query"; required: boolean; schema: JsonSchema; style?: string; explode?: boolean }
type Response = { description: string; content?: Record<string, { schema: JsonSchema }> } | { $ref: string }
type Operation = {
  operationId: string
  tags: string[]
  security?: Record<string, string[]>[]
  parameters?: Parameter[]
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema }> }
  responses: Record<string, Response>
}

export type OpenApiDocument = {
  openapi: "3.1.0"
  info: OpenApiInfo
  tags: { name: string }[]
  paths: Record<string, Record<string, Operation>>
  components: {
    schemas: Record<string, JsonSchema>
    responses: Record<string, Response>
    securitySchemes: Record<string, Record<string, string>>
  }
}

const ADMIN_TOKEN = "jwt_token"
const PUBLISHABLE_KEY = "publishable_api_key"
const JSON_TYPE = "application/json"
const errorRef = (name: string) => ({ $ref: `#/components/responses/${name}` })
const METHODS_WITH_BODY = new Set<HttpMethod>(["POST", "PUT", "PATCH", "DELETE"])

/**
 * The OpenAPI 3.1 document of the loaded routes: each route's path parameters, the query and body
 * schemas its validation middlewares record (converted from zod), the credentials its area asks
 * for, and the error responses every route shares.
 */
export function buildOpenApiDocument(routes: readonly DocumentedRoute[], info: OpenApiInfo): OpenApiDocument {
  const schemas = new OpenApiSchemas()
  const paths: OpenApiDocument["paths"] = {}
  const tags = new Set<string>()
  const ordered = [...routes].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method))
  for (const route of ordered) {
    const operation = describeRoute(route, schemas)
    for (const tag of operation.tags) tags.add(tag)
    const path = toOpenApiPath(route.path)
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation }
  }
  return {
    openapi: "3.1.0",
    info,
    tags: [...tags].sort().map((name) => ({ name })),
    paths,
    components: {
      schemas: {
        Error: {
          type: "object",
          description: "What every failed request answers; clients match on the status, `message` says what went wrong.",
          properties: {
            type: { type: "string", examples: ["invalid_data", "not_allowed", "not_found"] },
            message: { type: "string" },
            code: { type: "string", examples: ["insufficient_inventory", "invalid_state_error"] },
          },
          required: ["type", "message"],
        },
        ...schemas.components,
      },
      responses: {
        InvalidRequest: errorResponse("The request is invalid: a field failed validation or a business rule refused it."),
        Unauthorized: {
          description: "No valid credentials were sent.",
          content: { [JSON_TYPE]: { schema: { type: "object", properties: { message: { type: "string" } }, required: ["message"] } } },
        },
        NotFound: errorResponse("No resource has the id in the path."),
        UnexpectedError: errorResponse("Something failed on the server."),
      },
      securitySchemes: {
        [ADMIN_TOKEN]: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "A token from POST /auth/user/emailpass (admin) or POST /auth/customer/emailpass (customer).",
        },
        [PUBLISHABLE_KEY]: { type: "apiKey", in: "header", name: "x-publishable-api-key", description: "A publishable API key (pk_...)." },
      },
    },
  }
}

function errorResponse(description: string): Response {
  return { description, content: { [JSON_TYPE]: { schema: { $ref: "#/components/schemas/Error" } } } }
}

function describeRoute(route: DocumentedRoute, schemas: OpenApiSchemas): Operation {
  const { body, query } = schemasOf(route.chain)
  const operationId = operationIdOf(route)
  const area = route.path.split("/")[1] ?? ""
  const guard = route.authenticate ? area : undefined
  const parameters: Parameter[] = pathParameters(route.path)
  if (query) parameters.push(...queryParameters(schemas.convert(query, `${operationId}Query`)))

  const operation: Operation = { operationId, tags: [tagOf(route.path)], responses: {} }
  if (guard === "admin") operation.security = [{ [ADMIN_TOKEN]: [] }]
  // A customer's token is optional on every store route, and required on some.
  if (guard === "store") operation.security = [{ [PUBLISHABLE_KEY]: [] }, { [PUBLISHABLE_KEY]: [], [ADMIN_TOKEN]: [] }]
  if (parameters.length > 0) operation.parameters = parameters
  if (body && METHODS_WITH_BODY.has(route.method)) {
    const schema = schemas.convert(body, `${operationId}Body`)
    const required = Array.isArray(schema.required) && schema.required.length > 0
    operation.requestBody = { required, content: { [JSON_TYPE]: { schema } } }
  }
  operation.responses = {
    "200": { description: "OK", content: { [JSON_TYPE]: { schema: { type: "object" } } } },
    "400": errorRef("InvalidRequest"),
    ...(guard === "admin" || guard === "store" ? { "401": errorRef("Unauthorized") } : {}),
    ...(route.path.includes("/:") ? { "404": errorRef("NotFound") } : {}),
    default: errorRef("UnexpectedError"),
  }
  return operation
}

/** `/store/carts/:id/line-items/:line_id` → `/store/carts/{id}/line-items/{line_id}`. */
export function toOpenApiPath(path: string): string {
  return path.replace(/:(\w+)/g, "{$1}")
}

function pathParameters(path: string): Parameter[] {
  return [...path.matchAll(/:(\w+)/g)].map(([, name]) => ({ name: name!, in: "path", required: true, schema: { type: "string" } }))
}

/** One parameter per property of the query's object schema; objects travel as `key[sub]=value` (qs). */
function queryParameters(schema: JsonSchema): Parameter[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : [])
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: required.has(name),
    schema: property,
    ...(isObjectSchema(property) ? { style: "deepObject", explode: true } : {}),
  }))
}

/** Whether a value of `schema` may be an object (an operator map such as `created_at[$gte]=...`). */
function isObjectSchema(schema: JsonSchema): boolean {
  if (schema.type === "object" || (Array.isArray(schema.type) && schema.type.includes("object"))) return true
  const alternatives = [schema.anyOf, schema.oneOf].flatMap((list) => (Array.isArray(list) ? (list as JsonSchema[]) : []))
  return alternatives.some(isObjectSchema)
}

/** The area and resource: `/admin/api-keys/:id/revoke` → "Admin API Keys", `/auth/...` → "Auth". */
function tagOf(path: string): string {
  const [area = "", resource] = path.split("/").slice(1)
  const words = [area, ...(resource && !resource.startsWith(":") ? resource.split("-") : [])]
  return words.map((word) => (word === "api" ? "API" : word.charAt(0).toUpperCase() + word.slice(1))).join(" ")
}

/** `POST /admin/products/:id/variants` → `PostAdminProductsIdVariants`. */
function operationIdOf(route: DocumentedRoute): string {
  const words = route.path
    .split("/")
    .flatMap((segment) => segment.replace(/^:/, "").split(/[-_]/))
    .filter(Boolean)
  return [route.method.toLowerCase(), ...words].map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join("")
}
