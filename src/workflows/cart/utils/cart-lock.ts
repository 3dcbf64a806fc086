/**
 * A change to a cart holds the cart's lock, as its completion does, so that nothing is added to a
 * cart while it becomes an order. Seconds to wait for the lock (then `conflict`), and how long a
 * lock outlives a process that died holding it (as Medusa's cart workflows).
 */
export const CART_LOCK_TIMEOUT = 2
export const CART_LOCK_TTL = 10
