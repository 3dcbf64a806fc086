import type { FastifyCorsOptions } from "@fastify/cors"
import type { HttpConfig } from "../config/index.ts"

type Origin = string | RegExp

const CORS_METHODS = ["GET", "HEAD", "PUT", "PATCH", "POST", "DELETE"]

/** `"http://a.com,/\.vercel\.app$/"` → exact origins and regular expressions. */
export function parseCorsOrigins(value: string): Origin[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => (entry.length > 2 && entry.startsWith("/") && entry.endsWith("/") ? new RegExp(entry.slice(1, -1)) : entry))
}

/** Each area (`/store`, `/admin`, `/auth`) answers CORS for its own configured origins only. */
export function corsDelegator(http: HttpConfig) {
  const areas: [string, Origin[]][] = [
    ["/store", parseCorsOrigins(http.storeCors)],
    ["/admin", parseCorsOrigins(http.adminCors)],
    ["/auth", parseCorsOrigins(http.authCors)],
  ]
  return (request: { url?: string }, callback: (error: Error | null, options: FastifyCorsOptions) => void) => {
    const url = request.url ?? ""
    const area = areas.find(([prefix]) => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`))
    if (!area || area[1].length === 0) return callback(null, { origin: false })
    // @fastify/cors allows only GET, HEAD and POST by default; a browser admin also sends DELETE (and PUT/PATCH).
    callback(null, { origin: area[1], credentials: true, maxAge: 600, methods: CORS_METHODS })
  }
}
