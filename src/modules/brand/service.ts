import { ModuleService } from "../../framework/modules/index.ts"
import { Brand } from "./models/brand.ts"

export class BrandModuleService extends ModuleService({ Brand }) {
  /** Brands whose name starts with `prefix`, for an admin's type-ahead. */
  async suggestBrands(prefix: string, take = 10) {
    const escaped = prefix.replace(/[\\%_]/g, (c) => `\\${c}`)
    return this.listBrands({ name: { $ilike: `${escaped}%` } }, { take, order: { name: "ASC" } })
  }
}
