import type { QueryConfigOptions } from "../../../framework/http/index.ts"

export const adminUserFields = ["id", "email", "first_name", "last_name", "avatar_url", "metadata", "created_at", "updated_at", "deleted_at"]

export const retrieveUserQueryConfig: QueryConfigOptions = { defaults: adminUserFields }

export const listUsersQueryConfig: QueryConfigOptions = {
  ...retrieveUserQueryConfig,
  isList: true,
  defaultLimit: 50,
  defaultOrder: "created_at",
}
