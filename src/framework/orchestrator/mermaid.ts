import type { ConditionInfo, StepNode, WorkflowGraph } from "./graph.ts"

type Exit = { readonly id: string; readonly label?: string }

/**
 * The workflow as a Mermaid flowchart: steps in order, parallel stages as subgraphs, `when`
 * conditions as decisions (a "no" edge skips their branch), hooks and nested workflows by shape.
 */
export function workflowToMermaid(workflow: WorkflowGraph | { readonly graph: WorkflowGraph }): string {
  const graph = "graph" in workflow ? workflow.graph : workflow
  const nodes = new Map(graph.nodes.map((node, index) => [node.id, { node, key: `s${index}` }]))
  const lines = ["flowchart TD", `  start(("${label(graph.id)}"))`]
  const open: { condition: ConditionInfo; key: string }[] = []
  let exits: Exit[] = [{ id: "start" }]
  const connect = (to: string) => {
    for (const exit of exits) lines.push(exit.label === undefined ? `  ${exit.id} --> ${to}` : `  ${exit.id} -->|${exit.label}| ${to}`)
  }

  graph.stages.forEach((stage, stageIndex) => {
    const members = stage.flatMap((id) => nodes.get(id) ?? [])
    const conditions = members[0]?.node.conditions ?? []
    while (open.length > 0 && !conditions.some((c) => c.id === open.at(-1)?.condition.id)) {
      const closed = open.pop()
      if (closed !== undefined) exits.push({ id: closed.key, label: "no" })
    }
    for (const condition of conditions.slice(open.length)) {
      const key = `c${open.length}_${stageIndex}`
      lines.push(`  ${key}{"when ${label(condition.name)}"}`)
      connect(key)
      open.push({ condition, key })
      exits = [{ id: key, label: "yes" }]
    }
    const parallel = members.length > 1
    if (parallel) lines.push(`  subgraph p${stageIndex} ["parallel"]`)
    for (const { node, key } of members) lines.push(`${parallel ? "    " : "  "}${key}${shape(node)}`)
    if (parallel) lines.push("  end")
    for (const { key } of members) connect(key)
    exits = members.map(({ key }) => ({ id: key }))
  })

  for (let closed = open.pop(); closed !== undefined; closed = open.pop()) exits.push({ id: closed.key, label: "no" })
  lines.push(`  finish(("end"))`)
  connect("finish")
  return lines.join("\n")
}

function shape(node: StepNode): string {
  if (node.kind === "hook") return `{{"${label(node.id)}"}}`
  if (node.kind === "workflow") return `[["${label(node.id)}"]]`
  return `["${label(node.id)}"]`
}

function label(text: string): string {
  return text.replaceAll('"', "#quot;")
}
