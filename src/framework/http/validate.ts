import type { FastifyReply, FastifyRequest } from "fastify"
import { z } from "zod"
import { AgoraError } from "../errors/index.ts"
import { documentMiddleware } from "./route-documentation.ts"
import type { AgoraMiddleware } from "./types.ts"

/** Parses the body with `schema`; the result is `req.validatedBody`. A mismatch is a 400 naming the field. */
export function validateAndTransformBody(schema: z.ZodType): AgoraMiddleware {
  const middleware: AgoraMiddleware = async (req: FastifyRequest) => {
    // `reportInput` lets the error say what was sent (a wrong type) rather than "is required".
    req.validatedBody = await schema.parseAsync(req.body ?? {}, { reportInput: true })
  }
  return documentMiddleware(middleware, { body: schema })
}

export type QueryConfigOptions = {
  /** Fields returned when the request names none. */
  defaults: string[]
  /**
   * Fields a request may ask for and order by. When omitted any field may be asked for, and Query
   * refuses the names the entity does not have.
   */
  allowed?: string[]
  /** A list route: `limit`, `offset` and `order` apply. */
  isList?: boolean
  defaultLimit?: number
  /** Order when the request gives none, e.g. `"-created_at"`. */
  defaultOrder?: string
}

const PAGING_KEYS = new Set(["fields", "limit", "offset", "order", "with_deleted"])

/**
 * Parses the query with `schema` into `req.validatedQuery`, and derives `req.queryConfig`
 * (fields, skip, take, order) and `req.filterableFields` (everything else).
 */
export function validateAndTransformQuery(schema: z.ZodType, options: QueryConfigOptions): AgoraMiddleware {
  const allowed = options.allowed ? new Set(options.allowed.map(normalizeField)) : undefined
  const defaults = options.defaults.map(normalizeField)
  const middleware: AgoraMiddleware = async (req: FastifyRequest) => {
    const query = (await schema.parseAsync(req.query ?? {}, { reportInput: true })) as Record<string, unknown>
    req.validatedQuery = query
    req.queryConfig = {
      fields: selectFields(defaults, allowed, query.fields),
      pagination: {
        skip: options.isList ? Number(query.offset ?? 0) : 0,
        take: options.isList ? Number(query.limit ?? options.defaultLimit ?? 50) : 1,
        order: parseOrder(allowed, query.order ?? options.defaultOrder),
      },
    }
    req.filterableFields = Object.fromEntries(Object.entries(query).filter(([key]) => !PAGING_KEYS.has(key)))
  }
  return documentMiddleware(middleware, { query: schema })
}

/** `*variants` (Medusa's spelling of "every column of a relation") is Query's `variants.*`. */
function normalizeField(field: string): string {
  return field.startsWith("*") ? `${field.slice(1)}.*` : field
}

/** API.md §5: `+f`/`-f`/`*rel` adjust the defaults; bare names replace them; `id` is always in. */
function selectFields(defaults: string[], allowed: Set<string> | undefined, requested: unknown): string[] {
  if (typeof requested !== "string" || requested.trim() === "") return withId(defaults)
  const entries = requested
    .split(",")
    .map((entry) => entry.replace(/^ /, "+").trim())
    .filter(Boolean)
  const modifies = entries.every((entry) => /^[+\-*]/.test(entry) || entry.endsWith(".*"))
  const names = entries.map((entry) => normalizeField(entry.replace(/^[+-]/, "")))
  if (allowed) {
    const invalid = names.filter((name) => !allowed.has(name) && !allowed.has(name.replace(/\.\*$/, "")))
    if (invalid.length > 0) {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, `Requested fields [${invalid.join(", ")}] are not valid`)
    }
  }
  if (!modifies) return withId(names)
  const fields = new Set(defaults)
  entries.forEach((entry, index) => {
    const name = names[index] as string
    if (!entry.startsWith("-")) return void fields.add(name)
    // `-variants` drops the relation however the defaults name it, and everything read through it.
    const relation = name.replace(/\.\*$/, "")
    for (const field of fields) if (field === relation || field.startsWith(`${relation}.`)) fields.delete(field)
  })
  return withId([...fields])
}

function withId(fields: string[]): string[] {
  return fields.includes("id") ? fields : ["id", ...fields]
}

function parseOrder(allowed: Set<string> | undefined, order: unknown): Record<string, "ASC" | "DESC"> | undefined {
  if (typeof order !== "string" || order === "") return undefined
  const result: Record<string, "ASC" | "DESC"> = {}
  for (const entry of order.split(",")) {
    const field = entry.replace(/^-/, "")
    if (allowed && !allowed.has(field)) throw new AgoraError(AgoraError.Types.INVALID_DATA, `Order field ${field} is not valid`)
    result[field] = entry.startsWith("-") ? "DESC" : "ASC"
  }
  return result
}

const numberFromQuery = z.coerce.number().int().min(0)

/** The common list parameters: `fields`, `limit`, `offset`, `order`. */
export function createFindParams(defaults: { limit?: number; offset?: number } = {}) {
  return z.object({
    fields: z.string().optional(),
    limit: numberFromQuery.default(defaults.limit ?? 50),
    offset: numberFromQuery.default(defaults.offset ?? 0),
    order: z.string().optional(),
  })
}

/** The parameters of a retrieve: `fields`. */
export function createSelectParams() {
  return z.object({ fields: z.string().optional() })
}

export type { FastifyReply }
