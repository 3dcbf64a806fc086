/** Events raised by the user workflows, with Medusa's names. Each carries `{ id }`. */
export const UserEvents = {
  UPDATED: "user.updated",
} as const
