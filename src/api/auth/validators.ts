import { z } from "zod"

/** `/auth` routes take no query parameters. */
export const AuthNoQuery = z.object({}).strict()

/** The refresh call has no body (clients send none, or `{}`). */
export const AuthRefreshBody = z.object({}).strict()
