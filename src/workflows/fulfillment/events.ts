/** Events raised by the fulfillment set-up workflows, with Medusa's names. Each carries `{ id }`. */
export const FulfillmentWorkflowEvents = {
  SHIPPING_OPTION_CREATED: "shipping-option.created",
  SHIPPING_OPTION_UPDATED: "shipping-option.updated",
  SHIPPING_OPTION_DELETED: "shipping-option.deleted",
  SHIPPING_PROFILE_CREATED: "shipping-profile.created",
  SHIPPING_PROFILE_DELETED: "shipping-profile.deleted",
  FULFILLMENT_SET_CREATED: "fulfillment-set.created",
  FULFILLMENT_SET_DELETED: "fulfillment-set.deleted",
  SERVICE_ZONE_CREATED: "service-zone.created",
} as const
