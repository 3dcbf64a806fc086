/** Events raised by the sales channel workflows, with Medusa's names. Each carries `{ id }`. */
export const SalesChannelEvents = {
  CREATED: "sales-channel.created",
  UPDATED: "sales-channel.updated",
  DELETED: "sales-channel.deleted",
} as const
