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
  SHIPPING_METHOD_TOTAL_FIELDS,
  takeFields,
  withNumbers,
} from "../../../utils/compose.ts"
import type { Row } from "../../../utils/compose.ts"
import { childOf, cloneTree, fieldTree, plannedByFields, promoteRelations, pruneToTree, treeFields } from "../../../utils/field-tree.ts"
import type { RelationNames } from "../../../utils/field-tree.ts"

/**
 * The relations of a cart in the store's answer. `region`, `customer`, a line's `product` and
 * `variant` are records of other modules the cart refers to by id, read through read-only links;
 * tax lines, adjustments and promotions do not exist yet and are always empty.
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
 * A cart in the shape `fields` asks for (API.md §6) from one Query statement: columns, relations,
 * the payment collection, and through read-only links its region, customer and lines' products and
 * variants; its totals computed as the cart module computes them; money as JSON numbers. Undefined
 * when there is no such cart.
 */
export async function readCart(scope: AwilixContainer, id: string, fields: string[]): Promise<Row | undefined> {
  const { asked, readFields } = planCartRead(fields)
  const { data } = await scope.resolve<Query>("query").graph<Row>({ entity: "cart", fields: readFields, filters: { id } })
  const row = data[0]
  if (!row) return undefined

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
      product: line.product ?? null,
      variant: line.variant ?? null,
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
  req.scope.resolve<Query>("query").check({ entity: "cart", fields: planCartRead(req.queryConfig.fields).readFields })
}

/** What to ask Query for: the columns asked, without what is computed, with what that needs. */
const planCartRead = plannedByFields((fields) => {
  const asked = promoteRelations(fieldTree(fields), CART_RELATIONS)
  const read = cloneTree(asked)
  read.relations.delete("promotions")
  if (takeFields(read, DOCUMENT_TOTAL_FIELDS) || asked.all) {
    childOf(read, "items")
    childOf(read, "shipping_methods")
  }
  const items = read.relations.get("items")
  if (items) {
    takeFields(items, LINE_ITEM_TOTAL_FIELDS)
    for (const composed of ["tax_lines", "adjustments"]) items.relations.delete(composed)
    for (const column of ["unit_price", "quantity"]) items.fields.add(column)
  }
  planShippingMethodsRead(read)
  return { asked, readFields: treeFields(read) }
})

export function cartNotFound(id: string): AgoraError {
  return new AgoraError(AgoraError.Types.NOT_FOUND, `Cart with id: ${id} was not found`)
}

function pick(source: object, names: readonly string[]): Row {
  const picked: Row = {}
  for (const name of names) picked[name] = (source as Row)[name]
  return picked
}
