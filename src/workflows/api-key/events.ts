/** Events raised by the API key workflows. Each carries `{ id }`. */
export const ApiKeyEvents = {
  CREATED: "api-key.created",
  UPDATED: "api-key.updated",
  REVOKED: "api-key.revoked",
  DELETED: "api-key.deleted",
} as const
