import { AgoraError } from "../../errors/index.ts"
import type { EntityGraph, GraphEntity, GraphRelation } from "./entity-graph.ts"

/** What to read of an entity: its columns (in output order) and its relations, each with its own selection. */
export type Selection = {
  entity: GraphEntity
  columns: string[]
  relations: { relation: GraphRelation; selection: Selection }[]
}

type Node = { entity: GraphEntity; all: boolean; columns: Set<string>; relations: Map<string, { relation: GraphRelation; node: Node }> }

/**
 * Parses `["id", "title", "variants.*", "variants.prices.amount", "brand"]` against the graph: `*`
 * is every column, a relation named alone is all of its columns, and `id` is always read.
 */
export function parseFields(graph: EntityGraph, entity: GraphEntity, fields: string[] | undefined): Selection {
  const root = newNode(entity)
  const list = fields && fields.length > 0 ? fields : ["*"]
  for (const field of list) {
    if (typeof field !== "string" || field.trim() === "") {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, `Query fields must be non-empty strings, got ${JSON.stringify(field)}`)
    }
    addPath(graph, root, field.trim().split("."))
  }
  return toSelection(root)
}

export function unknownField(entity: GraphEntity, name: string): AgoraError {
  return new AgoraError(AgoraError.Types.INVALID_DATA, `Entity '${entity.name}' has no field or relation '${name}'`)
}

function addPath(graph: EntityGraph, node: Node, path: string[]): void {
  const [head, ...rest] = path
  if (head === undefined || head === "") throw unknownField(node.entity, path.join("."))
  if (rest.length === 0 && head === "*") {
    node.all = true
    return
  }
  if (rest.length === 0 && node.entity.columns.has(head)) {
    node.columns.add(head)
    return
  }
  const relation = node.entity.relations.get(head)
  if (!relation) throw unknownField(node.entity, head)
  let child = node.relations.get(head)
  if (!child) {
    const target = graph.get(relation.target)
    if (!target) throw new Error(`Query: relation ${node.entity.name}.${head} points at unknown entity ${relation.target}`)
    child = { relation, node: newNode(target) }
    node.relations.set(head, child)
  }
  if (rest.length === 0) child.node.all = true
  else addPath(graph, child.node, rest)
}

function newNode(entity: GraphEntity): Node {
  return { entity, all: false, columns: new Set(), relations: new Map() }
}

function toSelection(node: Node): Selection {
  const key = node.entity.primaryKey
  const columns = node.all ? [...node.entity.columns.keys()] : [key, ...[...node.columns].filter((column) => column !== key)]
  return {
    entity: node.entity,
    columns,
    relations: [...node.relations.values()].map(({ relation, node: child }) => ({ relation, selection: toSelection(child) })),
  }
}
