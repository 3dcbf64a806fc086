import { existsSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import pino from "pino"
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest"
import { createApp } from "../../../src/framework/app/index.ts"
import type { AgoraApp } from "../../../src/framework/app/index.ts"
import { validateConfig } from "../../../src/framework/config/index.ts"
import { createOrm, Database, generateMigration, migrationFiles, runMigrations } from "../../../src/framework/database/index.ts"
import { model, toEntitySchema } from "../../../src/framework/modules/index.ts"
import { createTestDatabase } from "../../setup/test-database.ts"
import type { TestDatabase } from "../../setup/test-database.ts"
import { createTempProject, frameworkImport } from "./temp-project.ts"
import type { TempProject } from "./temp-project.ts"

let project: TempProject
let migrationsDir: string
let modelFile: string
const databases: TestDatabase[] = []
const apps: AgoraApp[] = []

beforeAll(() => {
  project = createTempProject("migrations")
  const moduleDir = project.addModule("notes")
  migrationsDir = path.join(moduleDir, "migrations")
  modelFile = path.join(moduleDir, "models/note.ts")
  project.writeConfig(`import { defineConfig } from "${frameworkImport("config/index.ts")}"

export default defineConfig({
  projectConfig: { databaseUrl: process.env.DATABASE_URL },
  modules: [{ resolve: "./src/modules/notes" }],
})
`)
})

afterAll(async () => {
  for (const app of apps) await app.close()
  for (const database of databases) await database.drop()
  project?.remove()
})

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase()
  databases.push(database)
  return database
}

/** The app of the temp project, in this process, on the given database. */
async function startApp(database: TestDatabase): Promise<AgoraApp> {
  const config = validateConfig(
    { projectConfig: { databaseUrl: database.url }, modules: [{ resolve: "./src/modules/notes" }] },
    project.dir,
    "test",
  )
  const app = await createApp({ rootDir: project.dir, config, logger: pino({ level: "silent" }) })
  apps.push(app)
  return app
}

async function columnsOf(app: AgoraApp, table: string): Promise<string[]> {
  const rows = await app.database.execute<{ column_name: string }>(
    "select column_name from information_schema.columns where table_name = ? order by ordinal_position",
    [table],
  )
  return rows.map((row) => row.column_name)
}

/** The module's own migrations among those applied (the engine's tables come first, with every project). */
const ofNotes = (applied: { module: string; name: string }[]) => applied.filter((m) => m.module === "notes")

// The steps build on each other, as a developer's would: generate, migrate, change the model, again.
describe("db:generate and db:migrate on a project's module", () => {
  let database: TestDatabase
  let app: AgoraApp
  let first: string

  test("generateMigration writes the module's first migration, creating its table", async () => {
    database = await freshDatabase()
    app = await startApp(database)

    const generated = await app.generateMigration("notes")

    expect(generated?.fileName).toMatch(/\/migrations\/Migration\d{14}\.ts$/)
    first = path.basename(generated!.fileName, ".ts")
    expect(migrationFiles(migrationsDir)).toEqual([`${first}.ts`])
    const source = readFileSync(generated!.fileName, "utf8")
    expect(source).toContain('create table "note"')
    expect(source).toContain('"title" text not null')
    expect(generated?.statements.some((sql) => sql.startsWith('create table "note"'))).toBe(true)
    expect(existsSync(path.join(migrationsDir, ".snapshot-notes.json"))).toBe(true)
  })

  test("migrate applies it, after the engine's own: the table exists and the migration is recorded", async () => {
    const applied = await app.migrate()
    expect(ofNotes(applied)).toEqual([{ module: "notes", name: first }])
    expect(applied.map((m) => m.module).slice(0, 2)).toEqual(["workflow_engine", "workflow_engine"])

    expect(await columnsOf(app, "note")).toEqual(["id", "title", "body", "created_at", "updated_at", "deleted_at"])
    const recorded = await app.database.execute("select module, name from agora_migrations where module = 'notes'")
    expect(recorded).toEqual([{ module: "notes", name: first }])
    const notes = app.container.resolve<{ createNotes(input: { title: string }): Promise<{ id: string }> }>("notes")
    expect((await notes.createNotes({ title: "works" })).id).toMatch(/^note_/)
  })

  test("migrate again is a no-op that returns []", async () => {
    expect(await app.migrate()).toEqual([])
    expect(await app.database.execute("select name from agora_migrations where module = 'notes'")).toHaveLength(1)
  })

  test("generating again without a model change writes nothing, in process and through the CLI", async () => {
    expect(await app.generateMigration("notes")).toBeUndefined()

    const cli = await project.cli(["db:generate", "notes"], { DATABASE_URL: database.url })
    expect(cli.stderr).toBe("")
    expect(cli.stdout.trim()).toBe("notes: no changes, no migration written")
    expect(cli.code).toBe(0)
    expect(migrationFiles(migrationsDir)).toEqual([`${first}.ts`])
  })

  test("after a column is added to the model, the CLI writes a second migration with only that change", async () => {
    const source = readFileSync(modelFile, "utf8")
    const changed = source.replace("  body: model.text().nullable(),\n", "  body: model.text().nullable(),\n  pinned: model.boolean().default(false),\n")
    expect(changed).not.toBe(source)
    writeFileSync(modelFile, changed)

    const cli = await project.cli(["db:generate", "notes"], { DATABASE_URL: database.url })
    expect(cli.stderr).toBe("")
    expect(cli.code).toBe(0)
    const files = migrationFiles(migrationsDir)
    expect(files).toHaveLength(2)
    expect(files[0]).toBe(`${first}.ts`)
    const second = files[1]!
    expect(cli.stdout.trim()).toBe(`notes: wrote ${path.join("src/modules/notes/migrations", second)}`)

    const up = readFileSync(path.join(migrationsDir, second), "utf8")
    expect(up).toContain('alter table "note" add "pinned" boolean not null default false')
    expect(up).not.toContain("create table")
    expect(up).not.toContain('"title"')
  })

  test("migrate applies only the new migration", async () => {
    const second = path.basename(migrationFiles(migrationsDir)[1]!, ".ts")
    expect(await app.migrate()).toEqual([{ module: "notes", name: second }])
    expect(await columnsOf(app, "note")).toContain("pinned")
    expect(await app.database.execute("select title, pinned from note")).toEqual([{ title: "works", pinned: false }])
  })

  test("db:migrate through the CLI applies both migrations to an empty database, then finds none pending", async () => {
    const empty = await freshDatabase()
    const files = migrationFiles(migrationsDir).map((file) => path.basename(file, ".ts"))

    const run = await project.cli(["db:migrate"], { DATABASE_URL: empty.url })
    expect(run.stderr).toBe("")
    expect(run.code).toBe(0)
    const appliedLines = run.stdout.trim().split("\n")
    expect(appliedLines.filter((line) => line.startsWith("Applied notes:"))).toEqual(files.map((name) => `Applied notes: ${name}`))

    const again = await project.cli(["db:migrate"], { DATABASE_URL: empty.url })
    expect(again.stdout.trim()).toBe("No pending migrations")
    expect(again.code).toBe(0)
  })

  test("two concurrent migrate() calls on one database apply each migration once", async () => {
    const shared = await freshDatabase()
    const [a, b] = await Promise.all([startApp(shared), startApp(shared)])

    const [fromA, fromB] = await Promise.all([a.migrate(), b.migrate()])

    const names = migrationFiles(migrationsDir).map((file) => path.basename(file, ".ts"))
    expect(ofNotes([...fromA, ...fromB]).map((m) => m.name).sort()).toEqual(names)
    expect([ofNotes(fromA).length, ofNotes(fromB).length].sort()).toEqual([0, 2])
    // One call applied everything, the other found nothing pending.
    expect([fromA.length, fromB.length].sort((x, y) => x - y)[0]).toBe(0)
    const recorded = await a.database.execute<{ name: string }>("select name from agora_migrations where module = 'notes' order by name")
    expect(recorded.map((row) => row.name)).toEqual(names)
    expect(await columnsOf(a, "note")).toContain("pinned")
  })

  test("an unknown module key is refused, naming the known ones", async () => {
    expect(() => app.generateMigration("nope")).toThrow('No module "nope" in medusa-config.ts (modules: notes)')
    const cli = await project.cli(["db:generate"], { DATABASE_URL: database.url })
    expect(cli.code).toBe(1)
    expect(cli.stderr).toContain("db:generate needs a module key")
  })
})

test("two migrations of one module generated within the same second are both kept", async () => {
  const database = await freshDatabase()
  const dir = path.join(project.dir, "same-second-migrations")
  const v1 = model.define("memo", { id: model.id().primaryKey(), text: model.text() })
  const v2 = model.define("memo", { id: model.id().primaryKey(), text: model.text(), done: model.boolean().default(false) })
  const generate = (version: typeof v1) =>
    generateMigration({ url: database.url, module: "memos", dir, entities: [toEntitySchema(version)] })

  vi.useFakeTimers({ toFake: ["Date"] })
  try {
    vi.setSystemTime(new Date("2030-01-01T00:00:00.000Z"))
    const first = await generate(v1)
    vi.setSystemTime(new Date("2030-01-01T00:00:00.500Z"))
    const second = await generate(v2)

    expect(second?.fileName).not.toBe(first?.fileName)
    const files = migrationFiles(dir)
    expect(files).toHaveLength(2)
    expect(readFileSync(path.join(dir, files[0]!), "utf8")).toContain('create table "memo"')
    expect(readFileSync(path.join(dir, files[1]!), "utf8")).toContain('alter table "memo" add "done"')
  } finally {
    vi.useRealTimers()
  }

  const orm = await createOrm({ url: database.url, entities: [] })
  try {
    const applied = await runMigrations(orm, [{ module: "memos", dir }])
    expect(applied.map((m) => m.name)).toEqual(migrationFiles(dir).map((file) => path.basename(file, ".ts")))
    const columns = await new Database(orm).execute<{ column_name: string }>(
      "select column_name from information_schema.columns where table_name = 'memo'",
    )
    expect(columns.map((c) => c.column_name)).toContain("done")
  } finally {
    await orm.close(true)
  }
})
