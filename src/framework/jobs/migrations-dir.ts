import path from "node:path"

/** The folder of the `job_run` table's migrations, applied with the modules' own. */
export const JOB_MIGRATIONS_DIR = path.join(import.meta.dirname, "migrations")
