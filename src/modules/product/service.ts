import { AgoraError } from "../../framework/errors/index.ts"
import { ModuleService } from "../../framework/modules/index.ts"
import type { ModuleDependencies } from "../../framework/modules/index.ts"
import { Product } from "./models/product.ts"
import { ProductOption } from "./models/product-option.ts"
import { ProductOptionValue } from "./models/product-option-value.ts"
import { ProductVariant } from "./models/product-variant.ts"
import type {
  CreateProductInput,
  CreateVariantInput,
  ProductOptionValueRow,
  ProductRow,
  ProductVariantRow,
  UpdateProductInput,
  UpdateProductsBySelector,
  UpdateProductVariantInput,
  UpdateProductVariantsBySelector,
} from "./types.ts"
import { loadProductOptions } from "./product-options-query.ts"
import type { ProductOptionsSnapshot } from "./product-options-query.ts"
import { checkProductColumns, prepareProduct } from "./validate-product.ts"
import { assertDistinctCombinations, resolveVariantOptions } from "./variant-options.ts"
import type { VariantCombination } from "./variant-options.ts"

const models = { Product, ProductOption, ProductOptionValue, ProductVariant }

type Children = { variantIds: string[]; optionIds: string[]; valueIds: string[] }

/** The generated CRUD as is: the Medusa-style methods of ProductModuleService build on it. */
class ProductCrud extends ModuleService(models) {}

const REPLACED = [
  "createProducts",
  "updateProducts",
  "softDeleteProducts",
  "restoreProducts",
  "deleteProducts",
  "createProductVariants",
  "updateProductVariants",
] as const

// ModuleService sets the generated methods on each instance, where they would hide this class's own
// methods of the same name: the service extends the generated class without them, and drops them.
const GeneratedService: new (
  dependencies: ModuleDependencies,
  options?: Record<string, unknown>,
) => Omit<ProductCrud, (typeof REPLACED)[number]> = ProductCrud

export class ProductModuleService extends GeneratedService {
  static readonly models = models
  private readonly crud: ProductCrud

  constructor(dependencies: ModuleDependencies, options: Record<string, unknown> = {}) {
    super(dependencies, options)
    this.crud = new ProductCrud(dependencies, options)
    for (const name of REPLACED) Reflect.deleteProperty(this, name)
  }

  /**
   * Creates products with their options (`[{ title, values: ["S", "M"] }]`) and variants
   * (`options: { Size: "M" }`), all in one transaction. Returns them with options, values and variants.
   */
  async createProducts(data: CreateProductInput): Promise<ProductRow>
  async createProducts(data: CreateProductInput[]): Promise<ProductRow[]>
  async createProducts(data: CreateProductInput | CreateProductInput[]): Promise<ProductRow | ProductRow[]> {
    const prepared = (Array.isArray(data) ? data : [data]).map(prepareProduct)
    const products = await this.database.transaction(async () => {
      const created = await this.crud.createProducts(prepared.map((product) => product.row))
      const variantRows = prepared.flatMap(({ variants }, index) =>
        variants.map(({ input, valueIds }) => ({ ...input, product_id: created[index]!.id, options: valueIds })),
      )
      const variants = variantRows.length > 0 ? await this.crud.createProductVariants(variantRows) : []
      const values = new Map(created.flatMap((p) => p.options ?? []).flatMap((o) => o.values ?? []).map((v) => [v.id, v]))
      const withOptions = variants.map((variant, i) => ({ ...variant, options: variantRows[i]!.options.map((id) => values.get(id)!) }))
      return created.map((product) => ({ ...product, variants: withOptions.filter((v) => v.product_id === product.id) }))
    })
    return Array.isArray(data) ? products : products[0]!
  }

  /** Changes product columns (title, handle, status ...); options and variants change through their own methods. */
  async updateProducts(data: UpdateProductInput): Promise<ProductRow>
  async updateProducts(data: UpdateProductInput[]): Promise<ProductRow[]>
  async updateProducts(data: UpdateProductsBySelector): Promise<ProductRow[]>
  async updateProducts(
    data: UpdateProductInput | UpdateProductInput[] | UpdateProductsBySelector,
  ): Promise<ProductRow | ProductRow[]> {
    if (Array.isArray(data)) {
      for (const item of data) checkProductColumns(item)
      return this.crud.updateProducts(data)
    }
    if ("selector" in data) {
      checkProductColumns(data.data)
      return this.crud.updateProducts(data)
    }
    checkProductColumns(data)
    return this.crud.updateProducts(data)
  }

  /**
   * Soft-deletes products with their variants, options and option values. Each goes through the
   * generated method of its model, so whatever follows those records (links) follows them here too.
   */
  async softDeleteProducts(ids: string | string[]): Promise<void> {
    const list = Array.isArray(ids) ? ids : [ids]
    if (list.length === 0) return
    await this.database.transaction(async () => {
      const { variantIds, optionIds, valueIds } = await this.childrenOf(list)
      await this.crud.softDeleteProducts(list)
      await this.crud.softDeleteProductVariants(variantIds)
      await this.crud.softDeleteProductOptions(optionIds)
      await this.crud.softDeleteProductOptionValues(valueIds)
    })
  }

  /**
   * Restores soft-deleted products, and the variants, options and values deleted with them or
   * after them, not those deleted on their own before.
   */
  async restoreProducts(ids: string | string[]): Promise<void> {
    const list = Array.isArray(ids) ? ids : [ids]
    if (list.length === 0) return
    await this.database.transaction(async () => {
      const deleted = await this.crud.listProducts(
        { id: list, deleted_at: { $ne: null } },
        { select: ["id", "deleted_at"], withDeleted: true },
      )
      if (deleted.length === 0) return
      const { variantIds, optionIds, valueIds } = await this.childrenDeletedWith(deleted)
      await this.crud.restoreProducts(deleted.map((product) => product.id))
      await this.crud.restoreProductVariants(variantIds)
      await this.crud.restoreProductOptions(optionIds)
      await this.crud.restoreProductOptionValues(valueIds)
    })
  }

  /** Deletes products for good, with their variants, options and values (children first). */
  async deleteProducts(ids: string | string[]): Promise<void> {
    const list = Array.isArray(ids) ? ids : [ids]
    if (list.length === 0) return
    await this.database.transaction(async () => {
      const { variantIds, optionIds, valueIds } = await this.childrenOf(list, true)
      await this.crud.deleteProductVariants(variantIds)
      await this.crud.deleteProductOptionValues(valueIds)
      await this.crud.deleteProductOptions(optionIds)
      await this.crud.deleteProducts(list)
    })
  }

  /** The ids of the products' variants, options and option values. */
  private async childrenOf(productIds: string[], withDeleted = false): Promise<Children> {
    const config = { select: ["id" as const], withDeleted }
    const variants = await this.crud.listProductVariants({ product_id: productIds }, config)
    const options = await this.crud.listProductOptions({ product_id: productIds }, config)
    const values = options.length > 0 ? await this.crud.listProductOptionValues({ option_id: ids(options) }, config) : []
    return { variantIds: ids(variants), optionIds: ids(options), valueIds: ids(values) }
  }

  /** The children soft-deleted together with their product or after it: not the ones deleted on their own before. */
  private async childrenDeletedWith(products: { id: string; deleted_at: Date | null }[]): Promise<Children> {
    const deletedAt = new Map(products.map((product) => [product.id, product.deleted_at ?? new Date(0)]))
    const ofProducts = [...deletedAt].map(([id, since]) => ({ product_id: id, deleted_at: { $gte: since } }))
    const variants = await this.crud.listProductVariants({ $or: ofProducts }, { select: ["id"], withDeleted: true })
    const options = await this.crud.listProductOptions({ $or: ofProducts }, { select: ["id", "product_id"], withDeleted: true })
    const ofOptions = options.map((option) => ({ option_id: option.id, deleted_at: { $gte: deletedAt.get(option.product_id)! } }))
    const values = ofOptions.length > 0
      ? await this.crud.listProductOptionValues({ $or: ofOptions }, { select: ["id"], withDeleted: true })
      : []
    return { variantIds: ids(variants), optionIds: ids(options), valueIds: ids(values) }
  }

  /**
   * Adds variants to existing products. Each gives `options: { [option title]: value }` covering every
   * option of its product, and no two variants of a product may choose the same values.
   */
  async createProductVariants(data: CreateVariantInput): Promise<ProductVariantRow>
  async createProductVariants(data: CreateVariantInput[]): Promise<ProductVariantRow[]>
  async createProductVariants(data: CreateVariantInput | CreateVariantInput[]): Promise<ProductVariantRow | ProductVariantRow[]> {
    const inputs = Array.isArray(data) ? data : [data]
    const variants = await this.database.transaction(async () => {
      const products = await this.productsWithOptions(inputs.map((input) => input.product_id))
      const combinations = [...existingCombinations(products.values()).values()]
      const rows = inputs.map((input, index) => {
        if (typeof input.title !== "string" || input.title.trim() === "") {
          throw new AgoraError(AgoraError.Types.INVALID_DATA, `Variant ${index + 1} of product ${input.product_id}: title is required`)
        }
        const values = resolveVariantOptions(input.title, input.options, products.get(input.product_id)!.options)
        const valueIds = values.map((value) => value.id)
        combinations.push({ title: input.title, productId: input.product_id, valueIds })
        return { ...input, options: valueIds }
      })
      assertDistinctCombinations(combinations)
      const created = await this.crud.createProductVariants(rows)
      const values = await this.optionValuesById(rows.flatMap((row) => row.options))
      return created.map((variant, i) => ({ ...variant, options: rows[i]!.options.map((id) => values.get(id)!) }))
    })
    return Array.isArray(data) ? variants : variants[0]!
  }

  /**
   * Changes variant columns; `options`, when given, chooses new values for every option of the
   * variant's product, checked as on create. Returns the variants with their option values.
   */
  async updateProductVariants(data: UpdateProductVariantInput): Promise<ProductVariantRow>
  async updateProductVariants(data: UpdateProductVariantInput[]): Promise<ProductVariantRow[]>
  async updateProductVariants(data: UpdateProductVariantsBySelector): Promise<ProductVariantRow[]>
  async updateProductVariants(
    data: UpdateProductVariantInput | UpdateProductVariantInput[] | UpdateProductVariantsBySelector,
  ): Promise<ProductVariantRow | ProductVariantRow[]> {
    const variants = await this.database.transaction(async () => {
      const items = Array.isArray(data)
        ? data
        : "selector" in data
          ? (await this.crud.listProductVariants(data.selector, { select: ["id"] })).map((v) => ({ ...data.data, id: v.id }))
          : [data]
      if (items.length === 0) return []
      await this.crud.updateProductVariants(await this.withOptionValueIds(items))
      // The option collections were just assigned on these entities, so loading them reads what was written.
      const updated = await this.crud.listProductVariants({ id: items.map((item) => item.id) }, { relations: ["options"] })
      const byId = new Map(updated.map((variant) => [variant.id, variant]))
      return items.map((item) => byId.get(item.id)!)
    })
    return Array.isArray(data) || "selector" in data ? variants : variants[0]!
  }

  /** The updates with `options` turned from `{ title: value }` into the chosen value ids, once checked. */
  private async withOptionValueIds(items: UpdateProductVariantInput[]) {
    const choosing = items.filter((item) => item.options !== undefined)
    if (choosing.length === 0) return items.map(({ options: _none, ...columns }) => columns)
    const current = await this.crud.listProductVariants({ id: choosing.map((item) => item.id) }, { select: ["title", "product_id"] })
    const variantsById = new Map(current.map((variant) => [variant.id, variant]))
    const missing = choosing.find((item) => !variantsById.has(item.id))
    if (missing) throw new AgoraError(AgoraError.Types.NOT_FOUND, `ProductVariant with id: ${missing.id} was not found`)

    const products = await this.productsWithOptions(current.map((variant) => variant.product_id))
    const combinations = existingCombinations(products.values())
    const changes = items.map(({ options, ...columns }) => {
      if (options === undefined) return columns
      const variant = variantsById.get(columns.id)!
      const title = columns.title ?? variant.title
      const values = resolveVariantOptions(title, options, products.get(variant.product_id)!.options)
      const valueIds = values.map((value) => value.id)
      // Moved to the end, so that a clash names the variant being changed first.
      combinations.delete(variant.id)
      combinations.set(variant.id, { title, productId: variant.product_id, valueIds })
      return { ...columns, options: valueIds }
    })
    assertDistinctCombinations([...combinations.values()])
    return changes
  }

  /** The products' options, values and variants by product id; not_found for a missing product. */
  private async productsWithOptions(ids: string[]): Promise<Map<string, ProductOptionsSnapshot>> {
    const unique = [...new Set(ids)]
    const products = await loadProductOptions(this.database, unique)
    const missing = unique.find((id) => !products.has(id))
    if (missing) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Product with id: ${missing} was not found`)
    return products
  }

  private async optionValuesById(ids: string[]): Promise<Map<string, ProductOptionValueRow>> {
    if (ids.length === 0) return new Map()
    const values = await this.crud.listProductOptionValues({ id: [...new Set(ids)] })
    return new Map(values.map((value) => [value.id, value]))
  }
}

/** The option values each existing variant chose, by variant id. */
function existingCombinations(products: Iterable<ProductOptionsSnapshot>): Map<string, VariantCombination> {
  const combinations = new Map<string, VariantCombination>()
  for (const product of products) {
    for (const variant of product.variants) {
      combinations.set(variant.id, { title: variant.title, productId: product.id, valueIds: variant.value_ids })
    }
  }
  return combinations
}

function ids(rows: { id: string }[]): string[] {
  return rows.map((row) => row.id)
}
