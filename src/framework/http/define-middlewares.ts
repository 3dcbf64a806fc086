import type { AgoraMiddleware, HttpMethod } from "./types.ts"

export type MiddlewareRoute = {
  /** A path such as `/admin/brands/:id`, with `*` for any rest, or a RegExp over the path. */
  matcher: string | RegExp
  /** Methods it applies to; every method when omitted. */
  method?: HttpMethod | HttpMethod[]
  middlewares?: AgoraMiddleware[]
}

export type MiddlewaresConfig = {
  routes?: MiddlewareRoute[]
}

/** `src/api/middlewares.ts`: `export default defineMiddlewares({ routes: [{ matcher, middlewares }] })` */
export function defineMiddlewares(config: MiddlewaresConfig): MiddlewaresConfig {
  return config
}

/** Compiles a matcher to a RegExp over the request path. */
export function matcherToRegExp(matcher: string | RegExp): RegExp {
  if (matcher instanceof RegExp) return matcher
  const pattern = matcher
    .split("/")
    .map((segment) => {
      if (segment.startsWith(":")) return "[^/]+"
      return segment.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")
    })
    .join("/")
  return new RegExp(`^${pattern}/?$`)
}

export function appliesTo(route: MiddlewareRoute, method: string, path: string, regexp: RegExp): boolean {
  if (route.method) {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (!methods.includes(method as HttpMethod)) return false
  }
  return regexp.test(path)
}
