import type { InjectOptions, LightMyRequestResponse } from "fastify"
import { startCommerceApp } from "../workflows/cart/app.ts"
import type { CommerceApp } from "../workflows/cart/app.ts"
import { seedStore } from "../workflows/cart/seed.ts"
import type { SeededStore, SeedOptions } from "../workflows/cart/seed.ts"

type Request = Omit<InjectOptions, "method" | "url" | "payload"> & { query?: Record<string, string> }
type Call = (url: string, body?: unknown, options?: Request) => Promise<LightMyRequestResponse>

/** A client for one area: JSON in, the response out (`res.json()` for the body). */
export type HttpClient = { get: (url: string, options?: Request) => Promise<LightMyRequestResponse>; post: Call; delete: (url: string, options?: Request) => Promise<LightMyRequestResponse> }

export type HttpApp = CommerceApp & {
  /** The seeded store (regions, channel, publishable key, location, shipping option, a T-shirt). */
  store: SeededStore
  adminJwt: string
  /** `/admin` as the seeded admin user. */
  admin: HttpClient
  /** `/store` with the seeded publishable key; pass `headers.authorization` for a customer. */
  storefront: HttpClient
  /** No credentials at all. */
  anonymous: HttpClient
}

/**
 * The whole app over HTTP on a fresh database: every commerce module, hooks registered as
 * `agora start` registers them, the seeded store of `seedStore`, and an admin signed in.
 */
export async function startHttpApp(options: SeedOptions = {}): Promise<HttpApp> {
  const t = await startCommerceApp()
  await t.app.workflows.start()
  const store = await seedStore(t, options)
  const adminToken = await t.adminToken()
  const client = (headers: Record<string, string>): HttpClient => {
    const send = (method: InjectOptions["method"], url: string, body: unknown, request: Request = {}) =>
      t.request({
        ...request,
        method,
        url,
        ...(body === undefined ? {} : { payload: body as InjectOptions["payload"] }),
        headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }), ...request.headers },
      })
    return {
      get: (url, request) => send("GET", url, undefined, request),
      post: (url, body, request) => send("POST", url, body ?? {}, request),
      delete: (url, request) => send("DELETE", url, undefined, request),
    }
  }
  return {
    ...t,
    store,
    adminJwt: adminToken,
    admin: client({ authorization: `Bearer ${adminToken}` }),
    storefront: client({ "x-publishable-api-key": store.publishableKey.token }),
    anonymous: client({}),
  }
}
