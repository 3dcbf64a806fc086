import type { AwilixContainer } from "awilix"
import { AgoraError } from "../errors/index.ts"

type QueryLike = {
  graph(
    query: { entity: string; fields: string[]; filters: Record<string, unknown>; pagination?: Record<string, unknown> },
  ): Promise<{ data: Record<string, unknown>[]; metadata: { count: number; take: number | undefined; skip: number } }>
}

export type RefetchInput = {
  entity: string
  /** An id, or filters that name one record. */
  idOrFilter: string | Record<string, unknown>
  scope: AwilixContainer
  fields: string[]
}

/** Reads one record through Query after a write, in the shape the route's `fields` ask for. */
export async function refetchEntity<T = Record<string, unknown>>(input: RefetchInput): Promise<T | undefined> {
  const filters = typeof input.idOrFilter === "string" ? { id: input.idOrFilter } : input.idOrFilter
  const { data } = await input.scope.resolve<QueryLike>("query").graph({
    entity: input.entity,
    fields: input.fields,
    filters,
    pagination: { take: 1 },
  })
  return data[0] as T | undefined
}

/** `refetchEntity`, failing with not_found (`<Label> with id: <id> was not found`) when there is none. */
export async function retrieveEntity<T = Record<string, unknown>>(input: RefetchInput & { label?: string }): Promise<T> {
  const found = await refetchEntity<T>(input)
  if (found) return found
  const label = input.label ?? input.entity.split("_").map((word) => word[0]?.toUpperCase() + word.slice(1)).join(" ")
  const id = typeof input.idOrFilter === "string" ? input.idOrFilter : JSON.stringify(input.idOrFilter)
  throw new AgoraError(AgoraError.Types.NOT_FOUND, `${label} with id: ${id} was not found`)
}
