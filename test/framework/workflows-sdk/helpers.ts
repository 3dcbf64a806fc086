import { asValue, createContainer, type AwilixContainer } from "awilix"
import { ManualClock, MemoryWorkflowStorage, WORKFLOW_ENGINE_KEY, WorkflowEngine, type WorkflowStorage } from "../../../src/framework/orchestrator/index.ts"

export type TestEngine = {
  readonly engine: WorkflowEngine
  readonly clock: ManualClock
  readonly storage: WorkflowStorage
  /** A container with the engine registered, as the application's container would have it. */
  readonly container: AwilixContainer
}

/** An engine on a manual clock and its own memory storage, registered in a fresh container. */
export function createTestEngine(options: { storage?: WorkflowStorage; clock?: ManualClock; owner?: string } = {}): TestEngine {
  const clock = options.clock ?? new ManualClock()
  const storage = options.storage ?? new MemoryWorkflowStorage({ serialize: true })
  const engine = new WorkflowEngine({ storage, clock, owner: options.owner, onBackgroundError: () => {} })
  const container = createContainer()
  container.register(WORKFLOW_ENGINE_KEY, asValue(engine))
  return { engine, clock, storage, container }
}

/** A promise settled from outside, to hold a step until the test lets it go. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}
