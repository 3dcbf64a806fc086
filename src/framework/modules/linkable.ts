import type { AnyModel } from "./model/index.ts"

const LINKABLE = Symbol.for("agora.linkable")

/**
 * One model of a module as the other end of a link: `ProductModule.linkable.productVariant`.
 * A link row stores the record's `primaryKey` under `foreignKey` (`product_variant_id`).
 */
export type Linkable = {
  readonly [LINKABLE]: true
  /** The module's key (its container key, e.g. `product`). */
  readonly module: string
  readonly model: AnyModel
  /** The model's name, which is also its entity name in Query (`product_variant`). */
  readonly entity: string
  /** The key in `linkable` (`productVariant`). */
  readonly field: string
  readonly primaryKey: "id"
  /** The column that holds this record's id in a link table (`product_variant_id`). */
  readonly foreignKey: string
  /** The suffix of the service's generated methods (`ProductVariant` → `softDeleteProductVariants`). */
  readonly methodSuffix: string
}

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S

type ModelsOf<Service> = Service extends { readonly models: infer Models extends Record<string, AnyModel> } ? Models : never

/** `{ product: Linkable, productVariant: Linkable, ... }`, typed from the service's models. */
export type LinkableMap<Service> = [ModelsOf<Service>] extends [never]
  ? Record<string, Linkable>
  : { readonly [K in keyof ModelsOf<Service> as CamelCase<ModelsOf<Service>[K]["name"]>]: Linkable }

export function isLinkable(value: unknown): value is Linkable {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[LINKABLE] === true
}

/** `product_variant` → `productVariant`. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

/** The linkables of a module's models; each names the service method suffix it was registered under. */
export function buildLinkables(
  moduleKey: string,
  models: AnyModel[],
  serviceModels: Record<string, AnyModel> = {},
): Record<string, Linkable> {
  const linkables: Record<string, Linkable> = {}
  for (const model of models) {
    const serviceKey = Object.entries(serviceModels).find(([, candidate]) => candidate === model)?.[0]
    const field = camelCase(model.name)
    linkables[field] = Object.freeze({
      [LINKABLE]: true as const,
      module: moduleKey,
      model,
      entity: model.name,
      field,
      primaryKey: "id" as const,
      foreignKey: `${model.name}_id`,
      methodSuffix: serviceKey ?? field.charAt(0).toUpperCase() + field.slice(1),
    })
  }
  return linkables
}
