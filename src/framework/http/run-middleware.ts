import type { FastifyReply, FastifyRequest } from "fastify"
import type { AgoraMiddleware } from "./types.ts"

/** Runs an express-style or async middleware; resolves when it calls `next()` or settles. */
export function runMiddleware(middleware: AgoraMiddleware, req: FastifyRequest, res: FastifyReply): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false
    const next = (error?: unknown) => {
      if (settled) return
      settled = true
      if (error) reject(error)
      else resolve()
    }
    const takesNext = middleware.length >= 3
    try {
      const result = middleware(req, res, next)
      if (result instanceof Promise) result.then(() => (takesNext && !res.sent ? undefined : next()), next)
      // An express-style middleware that answered itself never calls `next`: settle, or this promise leaks.
      else if (!takesNext || res.sent) next()
    } catch (error) {
      next(error)
    }
  })
}
