import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../../framework/errors/index.ts"
import type { Query } from "../../../../framework/modules/index.ts"
import type { AgoraMiddleware } from "../../../../framework/http/index.ts"
import { computeTotals } from "../../../../framework/totals/index.ts"
import {
  DOCUMENT_TOTAL_FIELDS,
  LINE_ITEM_TOTAL_FIELDS,
  paymentCollectionAmounts,
  planShippingMethodsRead,
  readReferenced,
  SHIPPING_METHOD_TOTAL_FIELDS,
  takeFields,
  withNumbers,
} from "../../../utils/compose.ts"
import type { Row } from "../../../utils/compose.ts"
import { childOf, cloneTree, fieldTree, promoteRelations, pruneToTree, treeFields } from "../../../utils/field-tree.ts"
import type { FieldTree, RelationNames } from "../../../utils/field-tree.ts"

/**
 * The relations of a cart in the store's answer. `region`, `customer`, a line's `product` and
 * `variant` are records of other modules the cart refers to by id; tax lines, adjustments and
 * promotions do not exist yet and are always empty.
 */
const CART_RELATIONS: RelationNames = {
  items: { product: {}, variant: {}, tax_lines: {}, adjustments: {} },
  shipping_methods: { tax_lines: {}, adjustments: {} },
  shipping_address: {},
  billing_address: {},
  payment_collection: { payment_sessions: {}, payments: {} },
  region: { countries: {} },
  customer: {},
  promotions: {},
  order: {},
}

/**
 * A cart in the shape `fields` asks for (API.md §6): columns, relations and the payment collection
 * through Query, its region, customer, lines' products and variants from their modules, and its
 * totals computed as the cart module computes them; money as JSON numbers. Undefined when there is
 * no such cart.
 */
export async function readCart(scope: AwilixContainer, id: string, fields: string[]): Promise<Row | undefined> {
  const query = scope.resolve<Query>("query")
  const { asked, read, wantsTotals, region, customer } = planCartRead(fields)

  const { data } = await query.graph<Row>({ entity: "cart", fields: treeFields(read), filters: { id } })
  const row = data[0]
  if (!row) return undefined

  const askedItems = asked.relations.get("items")
  const [regions, customers, [products, variants]] = await Promise.all([
    region ? readReferenced(query, "region", [row.region_id], region) : undefined,
    customer ? readReferenced(query, "customer", [row.customer_id], customer) : undefined,
    productsAndVariantsOfLines(query, row, askedItems),
  ])

  const lines = (row.items ?? []) as Row[]
  const shippingMethods = (row.shipping_methods ?? []) as Row[]
  const totals = computeTotals({
    items: lines.map((line) => ({ unit_price: line.unit_price as string, quantity: line.quantity as number })),
    shipping_methods: shippingMethods.map((method) => ({ amount: method.amount as string })),
  })
  const cart: Row = { ...row, ...totals.totals }
  if (row.items) {
    cart.items = lines.map((line, index) => ({
      ...withNumbers(line, ["unit_price", "compare_at_unit_price"]),
      ...pick(totals.items[index]!, LINE_ITEM_TOTAL_FIELDS),
      product: products?.get(line.product_id as string) ?? null,
      variant: variants?.get(line.variant_id as string) ?? null,
      tax_lines: [],
      adjustments: [],
    }))
  }
  if (row.shipping_methods) {
    cart.shipping_methods = shippingMethods.map((method, index) => ({
      ...withNumbers(method, ["amount"]),
      ...pick(totals.shipping_methods[index]!, SHIPPING_METHOD_TOTAL_FIELDS),
      tax_lines: [],
      adjustments: [],
    }))
  }
  if ("payment_collection" in row) cart.payment_collection = paymentCollectionAmounts(row.payment_collection)
  if (regions) cart.region = regions.get(row.region_id as string) ?? null
  if (customers) cart.customer = customers.get(row.customer_id as string) ?? null
  cart.promotions = []
  return pruneToTree(cart, asked, CART_RELATIONS) as Row
}

/** `readCart`, failing with not_found (`Cart with id: <id> was not found`). */
export async function retrieveCart(scope: AwilixContainer, id: string, fields: string[]): Promise<Row> {
  const cart = await readCart(scope, id, fields)
  if (!cart) throw cartNotFound(id)
  return cart
}

/** Middleware: refuses `fields` a cart does not have, sending no SQL (Query checks the names). */
export const checkCartFields: AgoraMiddleware = (req) => {
  req.scope.resolve<Query>("query").check({ entity: "cart", fields: treeFields(planCartRead(req.queryConfig.fields).read) })
}

/** What to ask Query for: the columns asked, without what is composed or computed, with what that needs. */
function planCartRead(fields: string[]) {
  const asked = promoteRelations(fieldTree(fields), CART_RELATIONS)
  const read = cloneTree(asked)

  const wantsTotals = takeFields(read, DOCUMENT_TOTAL_FIELDS) || asked.all
  const region = read.relations.get("region")
  const customer = read.relations.get("customer")
  for (const composed of ["region", "customer", "promotions"]) read.relations.delete(composed)
  if (region) read.fields.add("region_id")
  if (customer) read.fields.add("customer_id")
  if (wantsTotals) {
    childOf(read, "items")
    childOf(read, "shipping_methods")
  }
  const items = read.relations.get("items")
  if (items) {
    takeFields(items, LINE_ITEM_TOTAL_FIELDS)
    for (const composed of ["product", "variant", "tax_lines", "adjustments"]) items.relations.delete(composed)
    for (const column of ["unit_price", "quantity"]) items.fields.add(column)
    if (asked.relations.get("items")?.relations.has("product")) items.fields.add("product_id")
    if (asked.relations.get("items")?.relations.has("variant")) items.fields.add("variant_id")
  }
  planShippingMethodsRead(read)
  return { asked, read, wantsTotals, region, customer }
}


export function cartNotFound(id: string): AgoraError {
  return new AgoraError(AgoraError.Types.NOT_FOUND, `Cart with id: ${id} was not found`)
}

/**
 * The products and variants of the lines asked for. Both asked: the variants are read with their
 * product in one statement; only the products of lines whose variant is gone (or of another
 * product) are read apart.
 */
async function productsAndVariantsOfLines(
  query: Query,
  cart: Row,
  askedItems: FieldTree | undefined,
): Promise<[Map<string, Row> | undefined, Map<string, Row> | undefined]> {
  const productTree = askedItems?.relations.get("product")
  const variantTree = askedItems?.relations.get("variant")
  if (!productTree || !variantTree || variantTree.relations.has("product")) {
    return Promise.all([
      referencedByLines(query, cart, askedItems, "product", "product", "product_id"),
      referencedByLines(query, cart, askedItems, "variant", "product_variant", "variant_id"),
    ])
  }
  const lines = (cart.items ?? []) as Row[]
  const withProduct = cloneTree(variantTree)
  withProduct.relations.set("product", productTree)
  const variants = await readReferenced(query, "product_variant", lines.map((line) => line.variant_id), withProduct)
  const products = new Map<string, Row>()
  for (const variant of variants.values()) {
    const product = variant.product as Row | null | undefined
    delete variant.product
    if (product) products.set(product.id as string, product)
  }
  const missing = lines.map((line) => line.product_id).filter((id) => typeof id === "string" && !products.has(id))
  if (missing.length > 0) for (const [id, product] of await readReferenced(query, "product", missing, productTree)) products.set(id, product)
  return [products, variants]
}

async function referencedByLines(
  query: Query,
  cart: Row,
  askedItems: FieldTree | undefined,
  relation: string,
  entity: string,
  column: string,
): Promise<Map<string, Row> | undefined> {
  const tree = askedItems?.relations.get(relation)
  if (!tree) return undefined
  return readReferenced(query, entity, ((cart.items ?? []) as Row[]).map((line) => line[column]), tree)
}

function pick(source: object, names: readonly string[]): Row {
  const picked: Row = {}
  for (const name of names) picked[name] = (source as Row)[name]
  return picked
}
