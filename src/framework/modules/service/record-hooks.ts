import type { AnyModel } from "../model/index.ts"

export type RecordOperation = "delete" | "softDelete" | "restore"

/** Records of one model that a generated service is deleting, soft-deleting or restoring. */
export type RecordChange = { model: AnyModel; ids: string[]; operation: RecordOperation }

export type RecordHook = (change: RecordChange) => Promise<void>

/** The container key under which every module service finds the app's hooks. */
export const RECORD_HOOKS_KEY = "recordHooks"

/**
 * What the engine runs when a generated service deletes, soft-deletes or restores records, in the
 * same transaction: links use it to follow their records without modules knowing about links.
 * A hard delete runs its hooks before the rows go (they may need to read them); the others after.
 */
export class RecordHooks {
  private readonly hooks = new Map<string, { hook: RecordHook; operations: RecordOperation[] }[]>()

  /** Runs `hook` for `operations` on the records of the model named `modelName`. */
  on(modelName: string, hook: RecordHook, operations: RecordOperation[] = ["delete", "softDelete", "restore"]): void {
    this.hooks.set(modelName, [...(this.hooks.get(modelName) ?? []), { hook, operations }])
  }

  watches(model: AnyModel, operation: RecordOperation): boolean {
    return this.hooks.get(model.name)?.some((entry) => entry.operations.includes(operation)) ?? false
  }

  async run(change: RecordChange): Promise<void> {
    for (const { hook, operations } of this.hooks.get(change.model.name) ?? []) {
      if (operations.includes(change.operation)) await hook(change)
    }
  }
}
