import type { StepAction, StepNode, WorkflowGraph } from "./graph.ts"
import { pendingStepRecord } from "./step-attempt.ts"
import type { StepRecord } from "./storage.ts"

/** What runs look up in their definition: built once per graph, shared by all its runs. */
export type GraphIndex = {
  readonly nodes: ReadonlyMap<string, StepNode>
  /** The steps that wait on each step: only they can become startable when it settles. */
  readonly dependents: ReadonlyMap<string, readonly StepNode[]>
  /** Each step's record before it runs, in graph order (records are never mutated, only replaced). */
  readonly pending: ReadonlyMap<string, StepRecord>
  /** The end of each step's idempotency keys, `${stepId}:${action}`: a run adds its own prefix. */
  readonly keySuffixes: ReadonlyMap<string, Readonly<Record<StepAction, string>>>
}

const indexes = new WeakMap<WorkflowGraph, GraphIndex>()

export function graphIndex(graph: WorkflowGraph): GraphIndex {
  let index = indexes.get(graph)
  if (index === undefined) {
    index = {
      nodes: new Map(graph.nodes.map((node) => [node.id, node])),
      dependents: dependentsOf(graph),
      pending: new Map(graph.nodes.map((node) => [node.id, pendingStepRecord(node.id)])),
      keySuffixes: new Map(graph.nodes.map((node) => [node.id, { invoke: `${node.id}:invoke`, compensate: `${node.id}:compensate` }])),
    }
    indexes.set(graph, index)
  }
  return index
}

export function nodesById(graph: WorkflowGraph): ReadonlyMap<string, StepNode> {
  return graphIndex(graph).nodes
}

function dependentsOf(graph: WorkflowGraph): ReadonlyMap<string, readonly StepNode[]> {
  const dependents = new Map<string, StepNode[]>()
  for (const node of graph.nodes) {
    for (const id of node.dependsOn) {
      const list = dependents.get(id)
      if (list === undefined) dependents.set(id, [node])
      else list.push(node)
    }
  }
  return dependents
}
