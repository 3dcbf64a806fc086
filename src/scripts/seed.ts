/**
 * A demo store on an empty database: `npx agora seed` (or `npm run seed`), with
 * `--products N` (default 50), `--email` and `--password` for the admin user. It refuses to run
 * when the database already holds products. What it creates is printed at the end, the
 * publishable key to call `/store` with among it.
 */
import { randomBytes } from "node:crypto"
import { parseArgs } from "node:util"
import { createAdminUser } from "../framework/auth/index.ts"
import type { AgoraConfig } from "../framework/config/index.ts"
import { ContainerKeys } from "../framework/container/index.ts"
import type { AgoraContainer } from "../framework/container/index.ts"
import type { Database } from "../framework/database/index.ts"
import { AgoraError } from "../framework/errors/index.ts"
import { INVENTORY_MODULE } from "../modules/inventory/index.ts"
import type { InventoryModuleService } from "../modules/inventory/index.ts"
import { PRODUCT_MODULE } from "../modules/product/index.ts"
import type { ProductModuleService } from "../modules/product/index.ts"
import { USER_MODULE } from "../modules/user/index.ts"
import type { UserModuleService } from "../modules/user/index.ts"
import { createInventoryLevelsWorkflow } from "../workflows/inventory/index.ts"
import { createProductsWorkflow } from "../workflows/product/index.ts"
import { demoProduct } from "./seed/catalog.ts"
import { progress } from "./seed/progress.ts"
import { setUpDemoStore } from "./seed/store-setup.ts"

const DEFAULT_PRODUCTS = 50
const DEFAULT_EMAIL = "admin@agora.local"
/** Products per workflow run: large enough to write in few statements, small enough to checkpoint cheaply. */
const BATCH_SIZE = 100
/** Batches in flight at once. */
const CONCURRENT_BATCHES = 3
const STOCK_PER_VARIANT = 100

export type SeedOptions = { products: number; email: string; password: string | undefined }

export default async function seed({ container, args }: { container: AgoraContainer; args: string[] }): Promise<void> {
  const options = parseSeedArgs(args)
  await refuseWhenProductsExist(container)

  const admin = await findOrCreateAdmin(container, options.email, options.password)
  const store = await setUpDemoStore(container, admin.id)
  const variants = await seedProducts(container, options.products, store)

  const { port } = container.resolve<AgoraConfig>(ContainerKeys.CONFIG).projectConfig.http
  const lines = [
    "Seeded a demo store:",
    `  admin user       ${admin.email} / ${admin.password ?? "(existing user, password unchanged)"}`,
    `  publishable key  ${store.publishableKey.token}`,
    `  regions          ${store.regions.map((region) => `${region.name} (${region.currency_code}: ${region.countries.join(", ")})`).join("; ")}`,
    `  products         ${options.products} published in the default sales channel, ${variants} variants stocked ${STOCK_PER_VARIANT} each`,
    `  shipping         ${store.shippingOption.name} from ${store.stockLocation.name}, to every region's countries`,
    "",
    "Try it (with the server running):",
    `  curl -H 'x-publishable-api-key: ${store.publishableKey.token}' localhost:${port}/store/products`,
  ]
  console.log(lines.join("\n"))
}

export function parseSeedArgs(args: string[]): SeedOptions {
  let values: { products?: string; email?: string; password?: string }
  try {
    ;({ values } = parseArgs({
      args,
      options: { products: { type: "string", short: "n" }, email: { type: "string", short: "e" }, password: { type: "string", short: "p" } },
    }))
  } catch (error) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `seed: ${(error as Error).message}`)
  }
  const products = values.products === undefined ? DEFAULT_PRODUCTS : Number(values.products)
  if (!Number.isInteger(products) || products < 0) {
    throw new AgoraError(AgoraError.Types.INVALID_DATA, `seed: --products must be a whole number, got "${values.products}"`)
  }
  return { products, email: values.email ?? DEFAULT_EMAIL, password: values.password }
}

async function refuseWhenProductsExist(container: AgoraContainer): Promise<void> {
  const [, count] = await container.resolve<ProductModuleService>(PRODUCT_MODULE).listAndCountProducts({}, { take: 1 })
  if (count > 0) {
    throw new AgoraError(
      AgoraError.Types.NOT_ALLOWED,
      `The database already holds ${count} product${count === 1 ? "" : "s"}: seed fills an empty store, and changed nothing. ` +
        "Seed a fresh database instead (an empty DATABASE_URL, or remove .agora/postgres for the embedded one).",
    )
  }
}

/** The admin user: created with `password` (or a generated one, returned to be printed), or kept when the email exists. */
async function findOrCreateAdmin(
  container: AgoraContainer,
  email: string,
  password: string | undefined,
): Promise<{ id: string; email: string; password: string | undefined }> {
  const [existing] = await container.resolve<UserModuleService>(USER_MODULE).listUsers({ email: email.trim().toLowerCase() }, { take: 1 })
  if (existing) return { id: existing.id, email: existing.email, password: undefined }
  const chosen = password ?? randomBytes(9).toString("base64url")
  const user = await createAdminUser(container, container.resolve<Database>(ContainerKeys.DATABASE), { email, password: chosen })
  return { ...user, password: chosen }
}

/**
 * `count` demo products through the product workflow, a batch per run, each variant then stocked at
 * the location. A few batches run at once, so that one batch's statements overlap another's work.
 */
async function seedProducts(
  container: AgoraContainer,
  count: number,
  store: { salesChannelId: string; stockLocation: { id: string } },
): Promise<number> {
  const inventory = container.resolve<InventoryModuleService>(INVENTORY_MODULE)
  const database = container.resolve<Database>(ContainerKeys.DATABASE)
  const bar = progress("Products", count)
  bar.update(0)
  let done = 0
  let variants = 0
  const seedBatch = async (start: number) => {
    const batch = Array.from({ length: Math.min(BATCH_SIZE, count - start) }, (_, i) => demoProduct(start + i, store.salesChannelId))
    const skus = batch.flatMap((product) => (product.variants ?? []).map((variant) => variant.sku!))
    // A unit of work per batch: entities loaded for one batch are not carried (and re-checked) through the next.
    await database.unitOfWork(async () => {
      await createProductsWorkflow(container).run({ input: { products: batch } })
      const items = await inventory.listInventoryItems({ sku: skus }, { take: skus.length })
      await createInventoryLevelsWorkflow(container).run({
        input: {
          inventory_levels: items.map((item) => ({
            inventory_item_id: item.id,
            location_id: store.stockLocation.id,
            stocked_quantity: STOCK_PER_VARIANT,
          })),
        },
      })
    })
    done += batch.length
    variants += skus.length
    bar.update(done)
  }
  const starts = Array.from({ length: Math.ceil(count / BATCH_SIZE) }, (_, i) => i * BATCH_SIZE)
  let failure: { error: unknown } | undefined
  const worker = async () => {
    // After a failure no batch starts: the ones in flight finish (each run undoes its own work on failure).
    for (let start = starts.shift(); start !== undefined && !failure; start = starts.shift()) {
      await seedBatch(start).catch((error: unknown) => void (failure ??= { error }))
    }
  }
  await Promise.all(Array.from({ length: CONCURRENT_BATCHES }, worker))
  bar.finish()
  if (failure) throw failure.error
  return variants
}
