import path from "node:path"
import { workflowToMermaid } from "../../orchestrator/index.ts"
import { loadWorkflows } from "../../workflows-sdk/index.ts"

/** The Mermaid graph of one of the project's workflows (those exported under `src/workflows`). */
export async function workflowGraph(workflowId: string, workflowsDir = path.join(process.cwd(), "src", "workflows")): Promise<string> {
  const graphs = await loadWorkflows(workflowsDir)
  const graph = graphs.get(workflowId)
  if (graph === undefined) {
    const known = [...graphs.keys()].sort().join(", ")
    throw new WorkflowNotFoundError(`No workflow "${workflowId}" under ${path.relative(process.cwd(), workflowsDir) || "."} (workflows: ${known || "none"})`)
  }
  return workflowToMermaid(graph)
}

export class WorkflowNotFoundError extends Error {}
