export { LockingService, LOCKING_KEY } from "./locking-service.ts"
export type { AcquireLockOptions, LockingServiceOptions, LockQuery, ReleaseLockOptions } from "./locking-service.ts"
export { LOCKING_MIGRATIONS_DIR } from "./migrations-dir.ts"
