export { runMigrations, migrationFiles } from "./run-migrations.ts"
export type { MigrationSource, AppliedMigration } from "./run-migrations.ts"
export { generateMigration } from "./generate-migration.ts"
export type { GenerateMigrationOptions, GeneratedMigration } from "./generate-migration.ts"
