export { emitEventStep } from "./steps/emit-event.ts"
export { createLinksStep } from "./steps/create-links.ts"
export { dismissLinksStep } from "./steps/dismiss-links.ts"
export { useQueryGraphStep } from "./steps/query-graph.ts"
