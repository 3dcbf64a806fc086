/**
 * A route's field list (`["id", "items.*", "items.product.title"]`) as a tree, to read part of it
 * through Query, compose the rest (totals, statuses, records of other modules), and then cut the
 * answer down to what was asked for.
 */
export type FieldTree = {
  /** `*` at this level: every column. */
  all: boolean
  fields: Set<string>
  relations: Map<string, FieldTree>
}

/** The relations a level may hold, with theirs: under `*` they are kept only when asked for by name. */
export type RelationNames = { readonly [name: string]: RelationNames }

const MAX_PLANS = 256

/**
 * `plan` kept by field list: a route asks for the same fields on every request, and what it plans
 * from them (trees, Query's field list) is made once. The plans are shared: callers only read them.
 * Bounded (emptied when full), since `fields` comes from the request.
 */
export function plannedByFields<Plan>(plan: (fields: readonly string[]) => Plan): (fields: readonly string[]) => Plan {
  const plans = new Map<string, Plan>()
  return (fields) => {
    const key = fields.join("\u0001")
    let planned = plans.get(key)
    if (planned === undefined) {
      planned = plan(fields)
      if (plans.size >= MAX_PLANS) plans.clear()
      plans.set(key, planned)
    }
    return planned
  }
}

export function fieldTree(fields: readonly string[]): FieldTree {
  const root = emptyTree()
  for (const field of fields) {
    // Medusa's `*items` is `items.*`.
    const path = (field.length > 1 && field.startsWith("*") ? `${field.slice(1)}.*` : field).split(".")
    let node = root
    path.forEach((segment, index) => {
      if (index < path.length - 1) node = childOf(node, segment)
      else if (segment === "*") node.all = true
      else node.fields.add(segment)
    })
  }
  return root
}

export function emptyTree(): FieldTree {
  return { all: false, fields: new Set(), relations: new Map() }
}

/** The subtree of a relation, created when missing. */
export function childOf(tree: FieldTree, name: string): FieldTree {
  let child = tree.relations.get(name)
  if (!child) {
    child = emptyTree()
    tree.relations.set(name, child)
  }
  return child
}

/** A relation named alone (`items`) means all its columns, as Query reads it; recursively through `names`. */
export function promoteRelations(tree: FieldTree, names: RelationNames): FieldTree {
  for (const [name, nested] of Object.entries(names)) {
    if (tree.fields.delete(name)) childOf(tree, name).all = true
    const child = tree.relations.get(name)
    if (child) promoteRelations(child, nested)
  }
  return tree
}

export function cloneTree(tree: FieldTree): FieldTree {
  return {
    all: tree.all,
    fields: new Set(tree.fields),
    relations: new Map([...tree.relations].map(([name, child]) => [name, cloneTree(child)])),
  }
}

/** Back to a Query field list; a relation with nothing selected still reads its ids. */
export function treeFields(tree: FieldTree, prefix = ""): string[] {
  const fields: string[] = []
  if (tree.all) fields.push(`${prefix}*`)
  for (const field of tree.fields) fields.push(`${prefix}${field}`)
  for (const [name, child] of tree.relations) fields.push(...treeFields(child, `${prefix}${name}.`))
  if (fields.length === 0 && prefix !== "") fields.push(`${prefix}id`)
  return fields
}

/**
 * Keeps of `value` what the tree asks for: `id`, the fields named, the relations named (cut down in
 * turn) and, under `*`, every other key that is not one of the level's relations.
 */
export function pruneToTree(value: unknown, tree: FieldTree, relations: RelationNames = {}): unknown {
  if (Array.isArray(value)) return value.map((entry) => pruneToTree(entry, tree, relations))
  if (value === null || typeof value !== "object" || value instanceof Date) return value
  const kept: Record<string, unknown> = {}
  for (const [key, entry] of Object.entries(value)) {
    const child = tree.relations.get(key)
    if (child) kept[key] = pruneToTree(entry, child, relations[key] ?? {})
    else if (key === "id" || tree.fields.has(key) || (tree.all && !(key in relations))) kept[key] = entry
  }
  return kept
}
