import { readFile } from "node:fs/promises"
import path from "node:path"
import swagger from "@fastify/swagger"
import type { SwaggerTransformObject } from "@fastify/swagger"
import swaggerUi from "@fastify/swagger-ui"
import type { FastifyInstance } from "fastify"
import { buildOpenApiDocument } from "./openapi.ts"
import type { DocumentedRoute, OpenApiDocument, OpenApiInfo } from "./openapi.ts"

/**
 * Serves the API reference: the OpenAPI document at `GET /openapi.json` and a reference page at
 * `GET /docs`. Both answer without credentials: they are not loaded routes, so no area guard runs.
 * fastify is given no route schema, so validation stays with the zod middlewares and ajv compiles
 * nothing. The document is built on its first request, not at start-up (converting every schema
 * takes a while), and @fastify/swagger keeps it.
 */
export async function registerOpenApiRoutes(app: FastifyInstance, routes: readonly DocumentedRoute[], rootDir: string): Promise<void> {
  const info = await readInfo(rootDir)
  let document: OpenApiDocument | undefined
  await app.register(swagger, {
    openapi: { openapi: "3.1.0", info },
    // The plugin describes the routes registered after it from their fastify schemas: there are none
    // (the loaded routes come before it), so its document is replaced by the loaded routes' one.
    // Its types want schemas typed more narrowly than the JSON Schemas zod gives.
    transformObject: () => (document ??= buildOpenApiDocument(routes, info)) as unknown as ReturnType<SwaggerTransformObject>,
  })
  await app.register(swaggerUi, { routePrefix: "/docs", uiConfig: { docExpansion: "list" } })
  app.get("/openapi.json", { schema: { hide: true } }, async (_req, res) => res.send(app.swagger()))
}

/** The version and description of the project's package.json. */
async function readInfo(rootDir: string): Promise<OpenApiInfo> {
  const pkg = await readFile(path.join(rootDir, "package.json"), "utf8").then(
    (text) => JSON.parse(text) as { version?: unknown; description?: unknown },
    () => ({ version: undefined, description: undefined }),
  )
  return {
    title: "Agora API",
    version: typeof pkg.version === "string" ? pkg.version : "0.0.0",
    description: [
      typeof pkg.description === "string" ? pkg.description : undefined,
      "Store routes (/store) need a publishable API key in `x-publishable-api-key`; admin routes (/admin) a user's bearer token.",
    ]
      .filter(Boolean)
      .join("\n\n"),
  }
}
