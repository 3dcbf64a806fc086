import { AsyncLocalStorage } from "node:async_hooks"
import { TransactionContext } from "@mikro-orm/core"
import type { MikroORM } from "@mikro-orm/postgresql"
import type { SqlEntityManager } from "@mikro-orm/sql"
import { preparedQueryOf, type PreparedQuery } from "./prepared-statements.ts"

/** A unit of work's EntityManager fork, made when it is first asked for. */
type UnitOfWork = { em: SqlEntityManager | undefined }

/**
 * The app's handle on PostgreSQL. Each request or unit of work runs on its own EntityManager fork;
 * code that runs outside one (a script, a test) gets a fresh fork per call.
 */
export class Database {
  readonly orm: MikroORM
  #prepared: PreparedQuery | undefined
  readonly #unitOfWork = new AsyncLocalStorage<UnitOfWork>()

  constructor(orm: MikroORM) {
    this.orm = orm
  }

  /**
   * The EntityManager of the current transaction, request or unit of work, else a new fork. A unit
   * of work forks on its first call only: most requests read and write through SQL of their own
   * and never need one, and a fork is costly.
   */
  em(): SqlEntityManager {
    const transaction = TransactionContext.getEntityManager()
    if (transaction) return transaction as SqlEntityManager
    const unit = this.#unitOfWork.getStore()
    if (unit === undefined) return this.orm.em.fork() as SqlEntityManager
    return (unit.em ??= this.orm.em.fork() as SqlEntityManager)
  }

  /** Runs `work` as one unit of work with its own EntityManager fork (a request: `work` is the rest of its handling). */
  unitOfWork<T>(work: () => T): T {
    return this.#unitOfWork.run({ em: undefined }, work)
  }

  /**
   * Runs `work` in a transaction, committed when it resolves and rolled back when it throws.
   * Service calls inside it join the transaction; nested calls join the outer one.
   */
  transaction<T>(work: (em: SqlEntityManager) => Promise<T>): Promise<T> {
    const inTransaction = TransactionContext.getEntityManager()
    if (inTransaction) return work(inTransaction as SqlEntityManager)
    return this.em().transactional((em) => work(em as SqlEntityManager))
  }

  /** Whether a transaction is active here: `execute` and service calls run in it. */
  inTransaction(): boolean {
    return TransactionContext.getEntityManager() !== undefined
  }

  /**
   * Raw SQL with `?` placeholders, on the current transaction when there is one. Outside a
   * transaction it runs as a named prepared statement on the pool: PostgreSQL parses and plans each
   * distinct text once per connection instead of on every call, and the values travel as parameters.
   */
  execute<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const transaction = TransactionContext.getEntityManager()
    if (transaction) return (transaction as SqlEntityManager).execute<T[]>(sql, params, "all")
    // The ORM's `onQuery` hook sees these statements too, as it sees its own.
    const text = this.orm.config.get("onQuery")(sql, params)
    return (this.#prepared ??= preparedQueryOf(this))<T>(text, params).catch((error: unknown) => {
      // As the ORM's own statements fail: a unique or foreign key violation as its exception type.
      throw error instanceof Error ? this.orm.em.getPlatform().getExceptionConverter().convertException(error as Error & { code?: string }) : error
    })
  }

  close(): Promise<void> {
    return this.orm.close(true)
  }
}
