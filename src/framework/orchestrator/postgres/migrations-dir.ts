import path from "node:path"

/** The folder of the run and step tables' migrations, applied with the modules' own. */
export const WORKFLOW_MIGRATIONS_DIR = path.join(import.meta.dirname, "migrations")
