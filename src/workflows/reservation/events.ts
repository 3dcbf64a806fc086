/** Events raised by the reservation workflows, with Medusa's names. Each carries `{ id }`. */
export const ReservationEvents = {
  CREATED: "reservation-item.created",
  UPDATED: "reservation-item.updated",
  DELETED: "reservation-item.deleted",
} as const
