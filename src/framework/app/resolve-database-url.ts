import path from "node:path"
import type { Logger } from "pino"
import type { AgoraConfig } from "../config/index.ts"
import { startEmbeddedDatabase } from "../database/index.ts"
import type { EmbeddedDatabase } from "../database/index.ts"

export const DEFAULT_EMBEDDED_PORT = 55432

/** The configured server, or an embedded one under `<root>/.agora/postgres` (or AGORA_DATA_DIR) when none is set. */
export async function resolveDatabase(
  config: AgoraConfig,
  logger: Logger,
): Promise<{ url: string; embedded: EmbeddedDatabase | undefined }> {
  const configured = config.projectConfig.databaseUrl
  if (configured) return { url: configured, embedded: undefined }
  const port = Number(process.env.AGORA_DB_PORT ?? DEFAULT_EMBEDDED_PORT)
  const started = Date.now()
  const embedded = await startEmbeddedDatabase({
    dataDir: process.env.AGORA_DATA_DIR || path.join(config.rootDir, ".agora", "postgres"),
    port,
    database: "agora",
    log: (line) => logger.trace({ postgres: line }),
  })
  logger.debug(`Embedded PostgreSQL ready on port ${port} in ${Date.now() - started} ms`)
  return { url: embedded.url, embedded }
}
