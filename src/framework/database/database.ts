import { RequestContext, TransactionContext } from "@mikro-orm/core"
import type { MikroORM } from "@mikro-orm/postgresql"
import type { SqlEntityManager } from "@mikro-orm/sql"

/**
 * The app's handle on PostgreSQL. Each request or unit of work runs on its own EntityManager fork;
 * code that runs outside one (a script, a test) gets a fresh fork per call.
 */
export class Database {
  readonly orm: MikroORM

  constructor(orm: MikroORM) {
    this.orm = orm
  }

  /** The EntityManager of the current transaction, request or unit of work, else a new fork. */
  em(): SqlEntityManager {
    const current = TransactionContext.getEntityManager() ?? RequestContext.getEntityManager()
    return (current ?? this.orm.em.fork()) as SqlEntityManager
  }

  /** Runs `work` as one unit of work with its own EntityManager fork. */
  unitOfWork<T>(work: () => Promise<T>): Promise<T> {
    return RequestContext.create(this.orm.em, work)
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

  /** Raw SQL with `?` placeholders, on the current transaction or unit of work. */
  execute<T extends Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.em().execute<T[]>(sql, params, "all")
  }

  close(): Promise<void> {
    return this.orm.close(true)
  }
}
