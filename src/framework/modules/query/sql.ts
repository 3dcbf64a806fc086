import type { GraphEntity, GraphRelation } from "./entity-graph.ts"

/** Fresh table aliases for one statement: t0, t1, ... (or another prefix, for a part built apart). */
export class Aliases {
  private count = 0
  private readonly prefix: string

  constructor(prefix = "t") {
    this.prefix = prefix
  }

  next(): string {
    return `"${this.prefix}${this.count++}"`
  }
}

/**
 * The FROM clause and join conditions that reach `target` (as `alias`) from a row of `parentAlias`
 * through `relation`, leaving out soft-deleted rows (and soft-deleted links) unless asked.
 * `perParentRow`: the source is read for one parent row at a time (a relation's subquery). A link
 * table is then read first, for that row, and its targets looked up by key: joined, the planner may
 * scan the link table once per row of the target table, which on tables whose statistics say they
 * are empty (a new store's carts and orders) costs the square of their size on every read.
 */
export function joinSource(
  relation: GraphRelation,
  target: GraphEntity,
  parentAlias: string,
  alias: string,
  aliases: Aliases,
  withDeleted: boolean,
  perParentRow = false,
): { from: string; where: string[] } {
  const path = relation.path
  if (path.kind === "alias") {
    // Each hop joins the next table; the last one is the target, under `alias`.
    const froms: string[] = []
    const where: string[] = []
    let from = parentAlias
    path.hops.forEach((hop, index) => {
      const to = index === path.hops.length - 1 ? alias : aliases.next()
      const source = joinSource(hop.relation, hop.entity, from, to, aliases, withDeleted, perParentRow)
      froms.push(source.from)
      where.push(...source.where)
      from = to
    })
    return { from: froms.join(", "), where }
  }
  const where: string[] = []
  let from = `"${target.table}" ${alias}`
  if (path.kind === "column") where.push(`${alias}."${path.targetKey}" = ${parentAlias}."${path.column}"`)
  else if (path.kind === "reverse") where.push(`${alias}."${path.column}" = ${parentAlias}."${path.parentKey}"`)
  else if (perParentRow) {
    const link = aliases.next()
    const live = path.softDeletes && !withDeleted ? ` and ${link}."deleted_at" is null` : ""
    const linked = `select ${link}."${path.to}" from "${path.table}" ${link} where ${link}."${path.from}" = ${parentAlias}."${path.parentKey}"${live}`
    where.push(`${alias}."${path.targetKey}" = any(array(${linked}))`)
  } else {
    const join = aliases.next()
    from += ` join "${path.table}" ${join} on ${join}."${path.to}" = ${alias}."${path.targetKey}"`
    where.push(`${join}."${path.from}" = ${parentAlias}."${path.parentKey}"`)
    if (path.softDeletes && !withDeleted) where.push(`${join}."deleted_at" is null`)
  }
  if (!withDeleted) where.push(`${alias}."deleted_at" is null`)
  return { from, where }
}
