import { z } from "zod"

/** The transfer takes no body (clients send none, or `{}`). */
export const StoreTransferCart = z.object({}).strict()
export type StoreTransferCart = z.infer<typeof StoreTransferCart>
