import type { WorkflowEngine } from "./engine.ts"

/**
 * The engine's background duty in a long-running process: now and then, take over the runs of
 * processes that died, and delete finished runs past their retention. Its timer never keeps the
 * process alive.
 */
export class RecoveryLoop {
  readonly #engine: WorkflowEngine
  readonly #intervalMs: number
  readonly #onError: (error: unknown) => void
  #timer: NodeJS.Timeout | undefined
  #round: Promise<void> | undefined

  constructor(engine: WorkflowEngine, options: { intervalSeconds: number; onError: (error: unknown) => void }) {
    this.#engine = engine
    this.#intervalMs = options.intervalSeconds * 1000
    this.#onError = options.onError
  }

  /** Runs one round now (start-up recovery), then one every interval. */
  async start(): Promise<void> {
    await this.#runRound()
    this.#timer = setInterval(() => {
      if (this.#round === undefined) void this.#runRound()
    }, this.#intervalMs)
    this.#timer.unref()
  }

  /** Stops the timer and waits for a round in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer)
    this.#timer = undefined
    await this.#round
  }

  #runRound(): Promise<void> {
    this.#round = (async () => {
      try {
        await this.#engine.recover()
        await this.#engine.storage.deleteExpired(this.#engine.clock.now())
      } catch (error) {
        this.#onError(error)
      }
    })().finally(() => {
      this.#round = undefined
    })
    return this.#round
  }
}
