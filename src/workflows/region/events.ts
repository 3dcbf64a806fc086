/** Events raised by the region workflows, with Medusa's names. Each carries `{ id }`. */
export const RegionEvents = {
  CREATED: "region.created",
  UPDATED: "region.updated",
  DELETED: "region.deleted",
} as const
