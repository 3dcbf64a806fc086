/**
 * Hostile inputs for the routes of the app, derived from the zod schemas a route validates with:
 * bodies built from the schema's keys with values of the wrong kind, query strings with SQL in
 * their keys, values, `order` and `fields`, and ids no route should choke on.
 */
import fc from "fast-check"
import qs from "qs"
import type { z } from "zod"

// ---------------------------------------------------------------------------------------------
// Values

/** SQL a careless query builder would run; no row of the store holds any of these texts. */
export const SQL_FRAGMENTS = [
  "'; drop table product; --",
  "' OR '1'='1",
  "' OR 1=1 --",
  "1 OR 1=1",
  '"; delete from cart; --',
  "1; select pg_sleep(5)",
  "') union select id, email from \"user\" --",
  "\\'; truncate \"order\" cascade; --",
  'id" desc; drop table brand; --',
  "$1",
  "(select 1)",
  "x'::text || (select password_hash from provider_identity limit 1) || '",
] as const

const WEIRD_STRINGS = [
  "",
  " ",
  "NaN",
  "Infinity",
  "-Infinity",
  "-1",
  "1e309",
  "0x1F",
  "null",
  "undefined",
  "true",
  "__proto__",
  "constructor",
  "\u202eevil",
  "𝕳𝖔𝖘𝖙𝖎𝖑𝖊 ✓ 中文 العربية",
  "😀".repeat(300),
  "../../../etc/passwd",
  "%00%2e%2e%2f",
  "<script>alert(1)</script>",
  "${7*7}{{7*7}}",
  "a".repeat(5_000),
  "b".repeat(100_000),
]

/**
 * Text PostgreSQL cannot hold (a NUL byte; a lone surrogate, which is no UTF-8 at all). One cause
 * behind every route: these have a test of their own, and stay out of the random inputs, where they
 * would hide every other finding.
 */
export const UNSTORABLE_TEXTS = ["a\u0000b", "\ud800"] as const

const storable = (text: string) => !text.includes("\u0000") && text.isWellFormed()

const WEIRD_NUMBERS = [-1, -0, 0.5, -0.0001, -1e9, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31) - 1, 1e21, 5e-324]

/** `{ a: { a: … } }` and `[[…]]`, `depth` levels down. */
function nested(depth: number, kind: "object" | "array"): unknown {
  let value: unknown = "deep"
  for (let level = 0; level < depth; level++) value = kind === "object" ? { a: value } : [value]
  return value
}

const DEEP = [nested(40, "object"), nested(40, "array"), nested(400, "array")]

const scalar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...SQL_FRAGMENTS) },
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...WEIRD_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...WEIRD_NUMBERS) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }).filter(storable) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
)

/** One value of the wrong kind, or of the right kind with hostile content. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.constantFrom(...DEEP) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...SQL_FRAGMENTS), fc.string({ maxLength: 8 })), scalar, { maxKeys: 3 }) },
  // `JSON.parse` makes `__proto__` an own key, as a request body's parser does.
  { weight: 1, arbitrary: fc.constantFrom<unknown>({ $gt: 0 }, { $ne: null }, { $or: [{ id: "x" }] }, JSON.parse('{"__proto__":{"admin":true}}')) },
)

/** Keys no schema declares. */
const hostileKey = fc.oneof(
  fc.constantFrom(...SQL_FRAGMENTS),
  fc.constantFrom("__proto__", "constructor", "prototype", "$where", "id", "created_at", "deleted_at", "a.b", "a[b]", "", "😀"),
  fc.string({ minLength: 1, maxLength: 12 }),
)

// ---------------------------------------------------------------------------------------------
// Zod schemas, read through their definitions

type Def = { type: string; [key: string]: unknown }

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def
}

/** The schema under optional / nullable / default / pipe / lazy wrappers. */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema
  for (let guard = 0; guard < 20; guard++) {
    const def = defOf(current)
    const inner =
      def.type === "pipe"
        ? (def.in as z.ZodType)
        : def.type === "lazy"
          ? (def.getter as () => z.ZodType)()
          : ["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional", "success"].includes(def.type)
            ? (def.innerType as z.ZodType)
            : undefined
    if (!inner) return current
    current = inner
  }
  return current
}

/** The keys of an object schema (of each object of a union), with their schemas. */
export function shapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> {
  if (!schema) return {}
  const core = unwrap(schema)
  const def = defOf(core)
  if (def.type === "object") return { ...(def.shape as Record<string, z.ZodType>) }
  if (def.type === "union") return Object.assign({}, ...(def.options as z.ZodType[]).map(shapeOf))
  if (def.type === "intersection") return { ...shapeOf(def.left as z.ZodType), ...shapeOf(def.right as z.ZodType) }
  return {}
}

/** Paths to every value an object schema declares, through nested objects and array elements (`items.0.quantity`). */
export function pathsOf(schema: z.ZodType | undefined, depth = 3): (string | number)[][] {
  if (!schema || depth === 0) return []
  const core = unwrap(schema)
  const def = defOf(core)
  if (def.type === "array") return [[0], ...pathsOf(def.element as z.ZodType, depth - 1).map((path) => [0, ...path])]
  const paths: (string | number)[][] = []
  for (const [key, value] of Object.entries(shapeOf(core))) {
    paths.push([key])
    for (const path of pathsOf(value, depth - 1)) paths.push([key, ...path])
  }
  return paths
}

const isOptional = (schema: z.ZodType) => (schema as unknown as { _zod: { optin?: string } })._zod.optin === "optional"

const STRING_CANDIDATES = ["x", "a@example.com", "https://example.com/a.png", "2020-01-01T00:00:00.000Z", "us", "usd", "abc"]

/**
 * The smallest value `schema` accepts that this can find (required keys only, the first enum
 * option, one element where an array needs one), or `undefined` when it finds none.
 */
export function minimalValid(schema: z.ZodType, depth = 6): { value: unknown } | undefined {
  if (depth === 0) return undefined
  const accepts = (value: unknown) => schema.safeParse(value).success
  if (isOptional(schema) && accepts(undefined)) return { value: undefined }
  const core = unwrap(schema)
  const def = defOf(core)
  const candidates: unknown[] = []
  switch (def.type) {
    case "object": {
      const value: Record<string, unknown> = {}
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        if (isOptional(field)) continue
        const found = minimalValid(field, depth - 1)
        if (!found) return undefined
        value[key] = found.value
      }
      candidates.push(value)
      break
    }
    case "array": {
      candidates.push([])
      const element = minimalValid(def.element as z.ZodType, depth - 1)
      if (element) candidates.push([element.value])
      break
    }
    case "union":
      for (const option of def.options as z.ZodType[]) {
        const found = minimalValid(option, depth - 1)
        if (found) candidates.push(found.value)
      }
      break
    case "enum":
      candidates.push(...Object.values(def.entries as Record<string, unknown>))
      break
    case "literal":
      candidates.push(...(def.values as unknown[]))
      break
    case "string":
      candidates.push(...STRING_CANDIDATES)
      break
    case "number":
    case "int":
    case "bigint":
      candidates.push(1, 0, 10)
      break
    case "boolean":
      candidates.push(false, true)
      break
    case "record":
      candidates.push({})
      break
    case "null":
      candidates.push(null)
      break
    default:
      candidates.push(undefined, "x", {}, null)
  }
  // Wrappers (nullable, pipes with their checks) decide on the wrapped value.
  for (const candidate of candidates) if (accepts(candidate)) return { value: candidate }
  if (accepts(null)) return { value: null }
  return undefined
}

function setAt(target: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path as [string | number, ...(string | number)[]]
  if (typeof head === "number") {
    const array = Array.isArray(target) ? [...target] : []
    array[head] = setAt(array[head], rest, value)
    return array
  }
  const object = target !== null && typeof target === "object" && !Array.isArray(target) ? { ...(target as object) } : {}
  return { ...object, [head]: setAt((object as Record<string, unknown>)[head], rest, value) }
}

// ---------------------------------------------------------------------------------------------
// Bodies

/** A request body: JSON (`json`) or bytes sent as they are (`raw`, with its content type). */
export type BodyInput = { kind: "json"; value: unknown } | { kind: "raw"; contentType: string; text: string }

const MALFORMED_JSON = ["{", "[1,", "nul", '{"a":}', "{'a':1}", '{"a":1}}', "\u0000", '"unterminated', "[".repeat(5_000)]

/** Bodies shaped like what `schema` wants (its keys, minimal valid bodies) with hostile values, and non-objects. */
export function hostileBody(schema: z.ZodType | undefined): fc.Arbitrary<BodyInput> {
  const shape = shapeOf(schema)
  const keys = Object.keys(shape)
  const paths = pathsOf(schema)
  const minimal = schema ? minimalValid(schema)?.value : undefined
  const base = minimal !== null && typeof minimal === "object" ? minimal : {}
  const json = (arbitrary: fc.Arbitrary<unknown>) => arbitrary.map((value): BodyInput => ({ kind: "json", value }))

  const fromKeys = fc.dictionary(keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), hostileKey) : hostileKey, hostileValue, {
    minKeys: 1,
    maxKeys: 5,
  })
  const oneBadField =
    paths.length > 0 ? fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, value]) => setAt(base, path, value)) : fromKeys
  const extraKey = fc.tuple(hostileKey, hostileValue).map(([key, value]) => ({ ...base, [key]: value }))
  const notAnObject = fc.oneof(scalar, fc.array(hostileValue, { maxLength: 3 }), fc.constantFrom(...DEEP))
  const raw = fc.oneof(
    fc.constantFrom(...MALFORMED_JSON).map((text): BodyInput => ({ kind: "raw", contentType: "application/json", text })),
    fc
      .tuple(fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "application/xml", "multipart/form-data"), fc.constantFrom(...SQL_FRAGMENTS))
      .map(([contentType, text]): BodyInput => ({ kind: "raw", contentType, text })),
  )
  return fc.oneof(
    { weight: 4, arbitrary: json(oneBadField) },
    { weight: 3, arbitrary: json(fromKeys) },
    { weight: 2, arbitrary: json(extraKey) },
    { weight: 2, arbitrary: json(notAnObject) },
    { weight: 1, arbitrary: raw },
  )
}

// ---------------------------------------------------------------------------------------------
// Query strings

const OPERATORS = ["$eq", "$ne", "$in", "$nin", "$lt", "$lte", "$gt", "$gte", "$like", "$ilike", "$and", "$or", "$raw", "$where", "$exists", "$contains"]

const fieldsValue = fc.oneof(
  fc.constantFrom(...SQL_FRAGMENTS),
  fc.constantFrom(
    "id,(select 1)",
    "*,password_hash",
    "+id;drop table product",
    "id,title--",
    "*variants.prices.rules.(select 1)",
    "-id",
    "+",
    ",,,",
    "..",
    "a.b.c.d.e.f.g.h",
    "*" + "a.".repeat(200),
    "__proto__",
    "id,id,id",
  ),
)

const orderValue = fc.oneof(
  fc.constantFrom(...SQL_FRAGMENTS),
  fc.constantFrom(
    "created_at; drop table product",
    "(case when 1=1 then id end)",
    "id desc nulls first",
    "-(select 1)",
    "--created_at",
    "created_at,",
    "-",
    ",",
    '"id"',
    "id asc, 1",
    "variants.(select 1)",
    "1",
  ),
)

const operand = fc.oneof(fc.constantFrom<unknown>(...SQL_FRAGMENTS), fc.array(fc.constantFrom(...SQL_FRAGMENTS), { maxLength: 2 }))

/** Filter values: SQL in scalars, arrays and operator maps. */
const filterValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<unknown>(...SQL_FRAGMENTS) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(...WEIRD_STRINGS.filter((text) => text.length < 1_000)) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...SQL_FRAGMENTS), { minLength: 1, maxLength: 3 }) },
  { weight: 3, arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...OPERATORS), hostileKey), operand, { minKeys: 1, maxKeys: 2 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>({ a: { b: { c: { d: { e: { f: "deep" } } } } } }, { $or: [{ id: "' OR 1=1" }] }, { $and: [{ $raw: "1=1" }] }),
  },
)

const pagingValue = fc.constantFrom<unknown>("-1", "1e309", "NaN", "0x10", "1.5", "99999999999999999999", "' OR 1=1", ["1", "2"], { $gt: "1" })

/** A query string (without `?`) for a route whose query schema has `schemaKeys`. */
export function hostileQuery(schemaKeys: string[]): fc.Arbitrary<string> {
  const common = ["fields", "order", "limit", "offset", "q", "with_deleted", "expand", "created_at", "updated_at", "deleted_at"]
  const keys = [...new Set([...schemaKeys, ...common])]
  const entry = fc.oneof(
    { weight: 2, arbitrary: fc.tuple(fc.constant("fields"), fieldsValue) },
    { weight: 2, arbitrary: fc.tuple(fc.constant("order"), orderValue) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("limit", "offset"), pagingValue) },
    { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...keys), filterValue) },
    { weight: 2, arbitrary: fc.tuple(hostileKey, filterValue) },
  )
  const structured = fc
    .array(entry, { minLength: 1, maxLength: 4 })
    .map((entries) => qs.stringify(Object.fromEntries(entries), { encodeValuesOnly: false }))
  // Strings no encoder produces: bare brackets, broken percent escapes, deep nesting, huge arrays.
  const raw = fc.constantFrom(
    "%",
    "%zz=1",
    "fields=%E0%A4%A",
    "a[=1",
    "a]=1",
    "[]=1",
    "order[]=id&order[]=title",
    "fields[$ne]=x",
    `${"a[b]".repeat(30)}=1`,
    `id[${"0][".repeat(20)}0]=1`,
    `id[999]=x`,
    Array.from({ length: 150 }, (_, index) => `id[${index}]=x`).join("&"),
    "limit=1&limit=2",
    "created_at[$gte]=2020-01-01' OR '1'='1",
    "created_at[$gte]=not-a-date",
    "created_at[$raw]=1=1",
    "id[$in]=' OR 1=1",
    "__proto__[admin]=1",
    "constructor[prototype][admin]=1",
    `q=${"%F0%9F%98%80".repeat(500)}`,
  )
  return fc.oneof({ weight: 5, arbitrary: structured }, { weight: 1, arbitrary: raw })
}

/** How the server reads a query string (the parser options of the HTTP server). */
export function parseQuery(query: string): Record<string, unknown> {
  return qs.parse(query, { arrayLimit: 100, depth: 5 }) as Record<string, unknown>
}

// ---------------------------------------------------------------------------------------------
// Ids

/**
 * Hostile ids, percent-encoded into a path segment as a client would send them. Segments longer than
 * the router takes (100 characters) are refused before any route runs: `OVERSIZED_SEGMENTS`.
 */
export type HostileId = { id: string; segment: string }

export const hostileId: fc.Arbitrary<HostileId> = fc
  .oneof(
    fc.constantFrom(...SQL_FRAGMENTS),
    fc.constantFrom(...WEIRD_STRINGS.filter((text) => text !== "" && text.length < 50_000)),
    fc.constantFrom("../../admin/users", "x/../../..", "..;", ".%", "prod_" + "0".repeat(26), "1", "-1", "0", "c".repeat(101)),
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter(storable),
  )
  .map((id) => ({ id, segment: encodeURIComponent(id) }))
  .filter(({ segment }) => segment.length <= MAX_SEGMENT_LENGTH)

export const MAX_SEGMENT_LENGTH = 100

/** Path segments the router refuses before any route runs: over its length limit. */
export const OVERSIZED_SEGMENTS = ["c".repeat(MAX_SEGMENT_LENGTH + 1), "x".repeat(5_000), encodeURIComponent("😀".repeat(300))]

/** Path segments no encoder produces: broken or overlong percent escapes, sent as they are. */
export const BROKEN_SEGMENTS = ["%", "%zz", "%E0%A4%A", "%c0%ae%c0%ae", "%u0041", "%FF%FE"]
