import { existsSync, readdirSync } from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import type { WorkflowGraph } from "../orchestrator/index.ts"

/** The workflows exported by the files of a folder (`src/workflows`, recursively), by id. */
export async function loadWorkflows(dir: string): Promise<Map<string, WorkflowGraph>> {
  const graphs = new Map<string, WorkflowGraph>()
  for (const file of sourceFiles(dir)) {
    const exported: Record<string, unknown> = await import(pathToFileURL(file).href)
    for (const value of Object.values(exported)) {
      const graph = graphOf(value)
      if (graph === undefined) continue
      const known = graphs.get(graph.id)
      if (known !== undefined && known !== graph) throw new Error(`Two workflows are named "${graph.id}" (one in ${file})`)
      graphs.set(graph.id, graph)
    }
  }
  return graphs
}

function graphOf(value: unknown): WorkflowGraph | undefined {
  if (typeof value !== "function" || !("graph" in value) || !("workflowId" in value)) return undefined
  const graph = value.graph as WorkflowGraph | undefined
  return graph !== undefined && Array.isArray(graph.nodes) && typeof graph.id === "string" ? graph : undefined
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js|mts|mjs)$/.test(entry.name) && !/\.(d|test|spec)\.[mc]?[tj]s$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}
