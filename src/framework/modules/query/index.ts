export { Query } from "./query-service.ts"
export type { GraphQuery, GraphResult, QueryGraphOptions } from "./query-service.ts"
