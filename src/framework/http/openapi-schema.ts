import { z } from "zod"

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1) as a plain object. */
export type JsonSchema = { [key: string]: unknown }

const COMPONENT_PREFIX = "#/components/schemas/"

/**
 * Converts zod schemas to the JSON Schemas of one OpenAPI document. Each schema is converted on its
 * own, describing what a client sends (`io: "input"`: defaults make a field optional, coercions and
 * transforms show the type they accept). What JSON Schema cannot say (a refinement, a date object)
 * becomes "anything". A schema that refers to itself (`z.lazy`) comes back with local `$defs`: those
 * move to the document's `components.schemas`, named after the operation, and the refs follow them.
 */
export class OpenApiSchemas {
  readonly components: Record<string, JsonSchema> = {}

  /** The JSON Schema of `schema`; `name` names the components a recursive schema needs. */
  convert(schema: z.ZodType, name: string): JsonSchema {
    const converted = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema
    const { $schema: _dialect, $defs, ...root } = converted
    const defs = Object.entries(($defs ?? {}) as Record<string, JsonSchema>)
    const refersToRoot = containsRef(root, "#") || defs.some(([, def]) => containsRef(def, "#"))
    if (defs.length === 0 && !refersToRoot) return root

    const targets = new Map<string, string>()
    const moved = defs.map(([key, def]) => {
      const component = this.#reserve(`${name}_${key.replace(/^_+/, "")}`)
      targets.set(`#/$defs/${key}`, COMPONENT_PREFIX + component)
      return { component, def }
    })
    const rootComponent = refersToRoot ? this.#reserve(name) : undefined
    if (rootComponent) targets.set("#", COMPONENT_PREFIX + rootComponent)
    for (const { component, def } of moved) this.components[component] = rewriteRefs(def, targets)
    const rewritten = rewriteRefs(root, targets)
    if (!rootComponent) return rewritten
    this.components[rootComponent] = rewritten
    return { $ref: COMPONENT_PREFIX + rootComponent }
  }

  /** A component name not taken yet, taken now, so that two defs never share one. */
  #reserve(name: string): string {
    let unique = name
    for (let n = 2; unique in this.components; n++) unique = `${name}${n}`
    this.components[unique] = {}
    return unique
  }
}

function containsRef(value: unknown, ref: string): boolean {
  if (Array.isArray(value)) return value.some((item) => containsRef(item, ref))
  if (value === null || typeof value !== "object") return false
  return Object.entries(value).some(([key, child]) => (key === "$ref" && child === ref) || containsRef(child, ref))
}

function rewriteRefs<T>(value: T, targets: Map<string, string>): T {
  if (Array.isArray(value)) return value.map((item: unknown) => rewriteRefs(item, targets)) as T
  if (value === null || typeof value !== "object") return value
  const result: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) {
    result[key] = key === "$ref" && typeof child === "string" ? (targets.get(child) ?? child) : rewriteRefs(child, targets)
  }
  return result as T
}
