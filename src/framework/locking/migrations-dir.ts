import path from "node:path"

/** The folder of the `lock` table's migrations, applied with the modules' own. */
export const LOCKING_MIGRATIONS_DIR = path.join(import.meta.dirname, "migrations")
