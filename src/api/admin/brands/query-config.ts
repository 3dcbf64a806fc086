import type { QueryConfigOptions } from "../../../framework/http/index.ts"

const fields = ["id", "name", "description", "created_at", "updated_at"]

export const retrieveBrandQueryConfig: QueryConfigOptions = { defaults: fields, allowed: [...fields, "deleted_at"] }

export const listBrandsQueryConfig: QueryConfigOptions = {
  ...retrieveBrandQueryConfig,
  isList: true,
  defaultLimit: 20,
  defaultOrder: "-created_at",
}
