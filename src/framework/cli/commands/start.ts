import { createApp, createLogger } from "../../app/index.ts"

const FORCE_EXIT_MS = 15_000

/** Applies pending migrations, then serves HTTP until SIGINT/SIGTERM, then shuts down in order. */
export async function start(options: { pretty: boolean }): Promise<void> {
  const startedAt = performance.now()
  const logger = createLogger({ pretty: options.pretty })
  const app = await createApp({ rootDir: process.cwd(), logger })

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info(`${signal} received, finishing in-flight requests`)
    setTimeout(() => process.exit(1), FORCE_EXIT_MS).unref()
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed")
        process.exit(1)
      },
    )
  }
  process.on("SIGINT", () => shutdown("SIGINT"))
  process.on("SIGTERM", () => shutdown("SIGTERM"))

  try {
    const applied = await app.migrate()
    for (const { module, name } of applied) logger.info(`Applied migration ${module}: ${name}`)
    await app.events.start()
    await app.workflows.start()
    await app.runLoaders()
    await app.jobs.start()
    const server = await app.http()
    const { port, host } = app.config.projectConfig.http
    await server.listen({ port, host })
    const address = server.server.address()
    const boundPort = typeof address === "object" && address ? address.port : port
    logger.info(`Agora is ready on http://localhost:${boundPort} (${Math.round(performance.now() - startedAt)} ms)`)
  } catch (error) {
    await app.close()
    throw error
  }
}
