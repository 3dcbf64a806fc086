import { parseArgs } from "node:util"
import { ConfigError } from "../config/index.ts"
import { AgoraError } from "../errors/index.ts"
import { dbGenerate, dbMigrate } from "./commands/db.ts"
import { develop } from "./commands/develop.ts"
import { exec } from "./commands/exec.ts"
import { seed } from "./commands/seed.ts"
import { start } from "./commands/start.ts"
import { createUser } from "./commands/user.ts"
import { workflowGraph, WorkflowNotFoundError } from "./commands/workflows-graph.ts"

const USAGE = `Usage: agora <command>

Commands:
  start                     apply pending migrations, then serve the API
  develop                   start, and restart when a file under src/ changes
  db:migrate                apply every module's pending migrations
  db:generate <module>      write a migration from the module's models
  exec <script> [args...]   run a script's default export with the container
  seed [--products N] [-e <email>] [-p <pw>]
                            migrate, then fill an empty database with a demo store (src/scripts/seed.ts)
  user -e <email> -p <pw>   create an admin user that signs in with email and password
  workflows:graph <id>      print a workflow of src/workflows as a Mermaid graph`

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  switch (command) {
    case "start":
      return start({ pretty: rest.includes("--pretty") })
    case "develop":
      return develop()
    case "db:migrate":
      return dbMigrate()
    case "db:generate": {
      const modules = rest.filter((arg) => !arg.startsWith("-"))
      if (modules.length === 0) throw new UsageError("db:generate needs a module key, e.g. agora db:generate brand")
      return dbGenerate(modules)
    }
    case "exec": {
      const [script, ...args] = rest
      if (!script) throw new UsageError("exec needs a script path, e.g. agora exec ./src/scripts/seed.ts")
      return exec(script, args)
    }
    case "seed":
      return seed(rest)
    case "user": {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: "string", short: "e" }, password: { type: "string", short: "p" } },
      })
      if (!values.email || !values.password) throw new UsageError("user needs -e <email> and -p <password>")
      return createUser(values.email, values.password)
    }
    case "workflows:graph": {
      const [workflowId] = rest
      if (!workflowId) throw new UsageError("workflows:graph needs a workflow id, e.g. agora workflows:graph create-products")
      console.log(await workflowGraph(workflowId))
      return
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(USAGE)
      return
    default:
      throw new UsageError(`Unknown command "${command}"`)
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`)
  else if (error instanceof ConfigError || error instanceof AgoraError || error instanceof WorkflowNotFoundError) console.error(error.message)
  else console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exit(1)
})
