import { existsSync, readdirSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { HTTP_METHODS } from "./types.ts"
import type { HttpMethod, RouteHandler } from "./types.ts"
import type { Prefetch } from "./prefetch.ts"

export type LoadedRoute = {
  /** fastify path, e.g. `/admin/brands/:id`. */
  path: string
  method: HttpMethod
  handler: RouteHandler
  /** `export const AUTHENTICATE = false` in the route file opts it out of the area's default guard. */
  authenticate: boolean
  /** `export const prefetch = { POST: ... }`: a read started before the guard has passed (see `Prefetch`). */
  prefetch: Prefetch | undefined
  file: string
}

/** Finds every `route.ts` under `apiDir` and maps its folder to a path (`[id]` → `:id`). */
export async function loadRoutes(apiDir: string): Promise<LoadedRoute[]> {
  if (!existsSync(apiDir)) return []
  const files = readdirSync(apiDir, { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|\/)route\.(ts|js)$/.test(file))
    .sort()
  const routes: LoadedRoute[] = []
  for (const file of files) {
    const absolute = path.join(apiDir, file)
    const routePath = toRoutePath(path.dirname(file))
    const exported: Record<string, unknown> = await import(pathToFileURL(absolute).href)
    const prefetches = (exported.prefetch ?? {}) as Record<string, unknown>
    for (const method of HTTP_METHODS) {
      const handler = exported[method]
      if (handler === undefined) continue
      if (typeof handler !== "function") throw new Error(`${absolute}: export ${method} must be a function`)
      const prefetch = prefetches[method]
      if (prefetch !== undefined && typeof prefetch !== "function") throw new Error(`${absolute}: prefetch.${method} must be a function`)
      routes.push({
        path: routePath,
        method,
        handler: handler as RouteHandler,
        authenticate: exported.AUTHENTICATE !== false,
        prefetch: prefetch as Prefetch | undefined,
        file: absolute,
      })
    }
  }
  return routes
}

export function toRoutePath(folder: string): string {
  if (folder === "." || folder === "") return "/"
  const segments = folder.split(path.sep).map((segment) => {
    const param = /^\[(\w+)\]$/.exec(segment)
    return param ? `:${param[1]}` : segment
  })
  return `/${segments.join("/")}`
}
