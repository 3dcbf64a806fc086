// The baseline for the brands benchmark: fastify + a pg pool running the same SQL as Agora's
// GET /admin/brands?limit=20, answering the same JSON envelope — no auth, container or ORM.
import Fastify from "fastify"
import pg from "pg"

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 })
const app = Fastify()

const LIST_BRANDS =
  'select "b0"."id", "b0"."name", "b0"."description", "b0"."created_at", "b0"."updated_at", count(*) over() as __total ' +
  'from "brand" as "b0" where "b0"."deleted_at" is null order by "b0"."created_at" desc, "b0"."id" asc limit $1'

app.get("/admin/brands", async (request) => {
  const limit = Number((request.query as { limit?: string }).limit ?? 20)
  const { rows } = await pool.query(LIST_BRANDS, [limit])
  const count = rows.length > 0 ? Number(rows[0].__total) : 0
  for (const row of rows) delete row.__total
  return { brands: rows, count, offset: 0, limit }
})
app.get("/health", async () => "OK")

await app.listen({ port: Number(process.env.PORT ?? 9102), host: "127.0.0.1" })
process.on("SIGTERM", async () => {
  await app.close()
  await pool.end()
  process.exit(0)
})
