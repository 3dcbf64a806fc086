import { existsSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import cors from "@fastify/cors"
import Fastify, { LogController } from "fastify"
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from "fastify"
import type { Logger } from "pino"
import qs from "qs"
import { authenticate } from "../auth/authenticate.ts"
import { ensurePublishableApiKey } from "../auth/publishable-key.ts"
import type { AgoraConfig } from "../config/index.ts"
import type { AgoraContainer } from "../container/index.ts"
import type { Database } from "../database/index.ts"
import { corsDelegator } from "./cors.ts"
import { appliesTo, matcherToRegExp } from "./define-middlewares.ts"
import type { MiddlewaresConfig } from "./define-middlewares.ts"
import { errorHandler, notFoundHandler } from "./http-errors.ts"
import { registerOpenApiRoutes } from "./openapi-routes.ts"
import { loadRoutes } from "./route-loader.ts"
import type { LoadedRoute } from "./route-loader.ts"
import { startPrefetch } from "./prefetch.ts"
import { runMiddleware } from "./run-middleware.ts"
import { assertSafeText } from "./unsafe-text.ts"
import type { AgoraMiddleware } from "./types.ts"

export type HttpServerOptions = {
  config: AgoraConfig
  container: AgoraContainer
  database: Database
  logger: Logger
  /** The folder holding `route.ts` files and `middlewares.ts`; defaults to `<root>/src/api`. */
  apiDir?: string
}

/** Builds the fastify app: parsers, CORS, request scopes, file-based routes and their middlewares. */
export async function createHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const { config, container, database } = options
  const apiDir = options.apiDir ?? path.join(config.rootDir, "src", "api")
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { querystringParser: (query: string) => qs.parse(query, { arrayLimit: 100, depth: 5 }) },
    forceCloseConnections: "idle",
    // A path the router cannot decode (`%zz`, too long) answers in the contract's shape too.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
  })

  // Medusa clients send `content-type: application/json` with no body on some POSTs and DELETEs.
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8")
    if (text.trim() === "") return done(null, {})
    try {
      done(null, JSON.parse(text))
    } catch {
      done(Object.assign(new Error("Invalid JSON in the request body"), { statusCode: 400 }), undefined)
    }
  })

  app.decorateRequest("scope", null as never)
  app.decorateRequest("validatedBody", undefined)
  app.decorateRequest("validatedQuery", undefined)
  app.decorateRequest("queryConfig", null as never)
  app.decorateRequest("filterableFields", null as never)
  app.decorateRequest("auth_context", undefined)
  app.decorateRequest("publishable_key_context", null as never)
  app.decorateRequest("prefetched", undefined)
  app.decorateReply("json", function json(this: FastifyReply, body: unknown) {
    return this.type("application/json; charset=utf-8").send(body)
  })

  await app.register(cors, { delegator: corsDelegator(config.projectConfig.http), hook: "onRequest" })

  app.addHook("onRequest", (req, _res, done) => {
    req.scope = container.createScope()
    // Every request works on its own EntityManager fork, bound to its async context.
    database.unitOfWork(done)
  })
  app.setErrorHandler(errorHandler)
  app.setNotFoundHandler(notFoundHandler)
  app.get("/health", async (_req, res) => res.type("text/plain").send("OK"))

  const middlewares = await loadMiddlewares(apiDir)
  const routes = (await loadRoutes(apiDir)).map((route) => ({ ...route, chain: middlewaresFor(route, middlewares) }))
  for (const route of routes) registerRoute(app, route, route.chain)
  app.decorate("agoraRoutes", routes)
  await registerOpenApiRoutes(app, routes, config.rootDir)
  return app
}

async function loadMiddlewares(apiDir: string): Promise<MiddlewaresConfig> {
  const file = ["middlewares.ts", "middlewares.js"].map((name) => path.join(apiDir, name)).find(existsSync)
  if (!file) return {}
  const exported: { default?: MiddlewaresConfig } = await import(pathToFileURL(file).href)
  return exported.default ?? {}
}

const adminGuard = authenticate("user", ["bearer", "api-key"])
const storeGuard = ensurePublishableApiKey()
// A customer's token is optional on every store route; where it is required the route adds its own guard.
const optionalCustomer = authenticate("customer", ["bearer"], { allowUnauthenticated: true })

const refuseUnsafeText: AgoraMiddleware = async (req) => assertSafeText({ params: req.params, query: req.query, body: req.body })

const inArea = (path: string, area: string) => path === area || path.startsWith(`${area}/`)

/** The chain a route runs before its handler: the area's guard, then the matching middlewares in order. */
function middlewaresFor(route: LoadedRoute, config: MiddlewaresConfig): AgoraMiddleware[] {
  const chain: AgoraMiddleware[] = []
  if (route.authenticate && inArea(route.path, "/admin")) chain.push(adminGuard)
  if (route.authenticate && inArea(route.path, "/store")) chain.push(storeGuard, optionalCustomer)
  chain.push(refuseUnsafeText)
  for (const entry of config.routes ?? []) {
    if (appliesTo(entry, route.method, route.path, matcherToRegExp(entry.matcher))) chain.push(...(entry.middlewares ?? []))
  }
  return chain
}

function registerRoute(app: FastifyInstance, route: LoadedRoute, chain: AgoraMiddleware[]): void {
  app.route({
    method: route.method,
    url: route.path,
    preHandler: async (req: FastifyRequest, res: FastifyReply) => {
      if (route.prefetch) startPrefetch(route.prefetch, req)
      for (const middleware of chain) {
        await runMiddleware(middleware, req, res)
        if (res.sent) return res
      }
    },
    handler: async (req: FastifyRequest, res: FastifyReply) => {
      await route.handler(req, res)
      return res
    },
  })
}
