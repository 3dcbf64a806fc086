/**
 * The app the hostile-input tests attack, and what they watch: the routes with the schemas they
 * validate with, signed-in requests with real ids, and the side effects of a request (rows changed,
 * events published).
 */
import path from "node:path"
import type { LightMyRequestResponse } from "fastify"
import { z } from "zod"
import { loadRoutes, schemasOf } from "../../../src/framework/http/index.ts"
import type { HttpMethod } from "../../../src/framework/http/index.ts"
import { PROJECT_ROOT } from "../../setup/test-app.ts"
import { startHttpApp } from "../http-app.ts"
import type { HttpApp } from "../http-app.ts"
import { minimalValid } from "./arbitraries.ts"
import type { BodyInput } from "./arbitraries.ts"
import { changedTables, fingerprinter, installWriteCounter } from "./fingerprint.ts"
import type { Fingerprint } from "./fingerprint.ts"
import { fillPath, setUpHostileFixtures } from "./fixtures.ts"
import type { HostileFixtures } from "./fixtures.ts"

export type RouteRef = { path: string; method: HttpMethod }

/** The routes as the app loads them (read before the app starts, so that tests can be declared per route). */
export async function listRoutes(): Promise<RouteRef[]> {
  const routes = await loadRoutes(path.join(PROJECT_ROOT, "src", "api"))
  return routes.map(({ path: routePath, method }) => ({ path: routePath, method }))
}

export const takesBody = (method: HttpMethod) => method !== "GET" && method !== "DELETE"

/** Sign-in and registration take whatever body the provider is given (API.md §2); emailpass wants these two texts. */
const EMAILPASS_CREDENTIALS = z.object({ email: z.string(), password: z.string() })

export const isCredentialsRoute = (route: RouteRef) => route.path.startsWith("/auth/:actor_type/:auth_provider")

export type Harness = {
  t: HttpApp
  fixtures: HostileFixtures
  /** The body and query schemas the route validates with (emailpass's credentials for sign-in and registration). */
  schemas(route: RouteRef): { body?: z.ZodType; query?: z.ZodType }
  /** The route's path with a real id for each parameter. */
  realPath(route: RouteRef): string
  /** A body the route's schema accepts (`{}` when none is found): for requests whose hostile part is elsewhere. */
  acceptedBody(route: RouteRef): BodyInput | undefined
  /** Sends a request signed in for the route's area. */
  send(route: RouteRef, url: string, body: BodyInput | undefined): Promise<LightMyRequestResponse>
  /**
   * Runs `act` and tells what it left behind: tables whose rows changed and events published, once
   * the deliveries it started are done. Empty when it changed nothing.
   */
  sideEffects(act: () => Promise<unknown>): Promise<string[]>
  /** A fresh fingerprint of the whole database, for what the write counter cannot see (a truncate). */
  fingerprint(): Promise<Fingerprint>
}

export async function startHarness(): Promise<Harness> {
  const t = await startHttpApp()
  const fixtures = await setUpHostileFixtures(t)
  const fingerprint = await fingerprinter(t)
  const rowWrites = await installWriteCounter(t)
  const published: string[] = []
  t.app.events.bus.subscribe(["*"], ({ event }) => void published.push(event.name), { subscriberId: "hostile-input-recorder" })
  const settle = () => t.app.events.bus.drain()

  await settle()
  let known = { writes: await rowWrites(), fingerprint: await fingerprint() }

  const schemas = (route: RouteRef) => {
    const loaded = t.server.agoraRoutes.find((candidate) => candidate.path === route.path && candidate.method === route.method)
    if (!loaded) throw new Error(`${route.method} ${route.path} is not served`)
    const found = schemasOf(loaded.chain)
    return { ...found, ...(isCredentialsRoute(route) && !found.body ? { body: EMAILPASS_CREDENTIALS } : {}) }
  }

  return {
    t,
    fixtures,
    schemas,
    realPath: (route) => fillPath(route.path, (param) => encodeURIComponent(fixtures.paramValue(route.path, param))),
    acceptedBody(route) {
      if (!takesBody(route.method)) return undefined
      const schema = schemas(route).body
      const found = schema ? minimalValid(schema) : undefined
      return { kind: "json", value: found && found.value !== undefined ? found.value : {} }
    },
    send(route, url, body) {
      const headers = fixtures.headersFor(route.path)
      if (!body) return t.request({ method: route.method, url, headers })
      if (body.kind === "raw") {
        return t.request({ method: route.method, url, headers: { ...headers, "content-type": body.contentType }, payload: body.text })
      }
      return t.request({ method: route.method, url, headers: { ...headers, "content-type": "application/json" }, payload: JSON.stringify(body.value) })
    },
    async sideEffects(act) {
      await settle()
      // Something wrote since the last look (a test's own set-up): that is the new normal.
      if ((await rowWrites()) !== known.writes) known = { writes: await rowWrites(), fingerprint: await fingerprint() }
      const events = published.length
      await act()
      await settle()
      const effects: string[] = []
      const newEvents = published.slice(events)
      if (newEvents.length > 0) effects.push(`published ${newEvents.join(", ")}`)
      const writes = await rowWrites()
      if (writes !== known.writes) {
        const now = await fingerprint()
        const changes = changedTables(known.fingerprint, now)
        if (changes.length > 0) effects.push(`changed rows: ${changes.join(", ")}`)
        known = { writes, fingerprint: now }
      }
      return effects
    },
    fingerprint,
  }
}
