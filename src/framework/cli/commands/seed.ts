import path from "node:path"
import { exec } from "./exec.ts"

/** The project's seed script: a default export as `exec` runs it. */
export const SEED_SCRIPT = path.join("src", "scripts", "seed.ts")

/** Applies pending migrations, then runs the project's seed script with `args` (`--products 1000` ...). */
export function seed(args: string[]): Promise<void> {
  return exec(SEED_SCRIPT, args, { migrate: true })
}
