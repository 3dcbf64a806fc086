import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../framework/errors/index.ts"
import type { Query } from "../../framework/modules/index.ts"
import { money } from "../../framework/money/index.ts"
import { computeTotals } from "../../framework/totals/index.ts"
import { computeFulfillmentStatus, computePaymentStatus } from "../../modules/order/index.ts"
import type { FulfillmentProgress, PaymentCollectionSummary } from "../../modules/order/index.ts"
import {
  DOCUMENT_TOTAL_FIELDS,
  LINE_ITEM_TOTAL_FIELDS,
  planShippingMethodsRead,
  takeFields,
  withNumbers,
} from "./compose.ts"
import type { Row } from "./compose.ts"
import { childOf, cloneTree, fieldTree, plannedByFields, promoteRelations, pruneToTree, treeFields } from "./field-tree.ts"
import type { FieldTree, RelationNames } from "./field-tree.ts"

/**
 * The relations of an order in an answer. `region`, `customer`, `sales_channel` and a line's
 * `variant` are records of other modules read through read-only links, a fulfillment's `labels`
 * by the fulfillments' ids; tax lines and adjustments do not exist yet and are always empty;
 * `detail` and `summary` are computed.
 */
const ORDER_RELATIONS: RelationNames = {
  items: { variant: { product: {} }, tax_lines: {}, adjustments: {}, detail: {} },
  shipping_methods: { tax_lines: {}, adjustments: {} },
  shipping_address: {},
  billing_address: {},
  payment_collections: { payment_sessions: {}, payments: { captures: {}, refunds: {} } },
  fulfillments: { items: {}, labels: {} },
  region: {},
  customer: {},
  sales_channel: {},
  summary: {},
  cart: {},
}

const QUANTITY_COLUMNS = [
  "fulfilled_quantity",
  "shipped_quantity",
  "delivered_quantity",
  "return_requested_quantity",
  "return_received_quantity",
  "written_off_quantity",
] as const

const ITEM_QUANTITY_TOTAL_FIELDS = [
  "fulfilled_total",
  "shipped_total",
  "delivered_total",
  "return_requested_total",
  "return_received_total",
  "write_off_total",
  "refundable_total",
  "refundable_total_per_unit",
]

const COLLECTION_AMOUNTS = ["amount", "authorized_amount", "captured_amount", "refunded_amount"]
const FULFILLMENT_PROGRESS = ["packed_at", "shipped_at", "delivered_at", "canceled_at"]

export type ReadOrdersInput = {
  fields: string[]
  filters: Record<string, unknown>
  pagination?: { skip?: number; take?: number; order?: Record<string, "ASC" | "DESC"> }
}

export type ReadOrdersResult = { orders: Row[]; count: number; skip: number; take: number | undefined }

/**
 * Orders in the shape `fields` asks for (API.md §6): columns and relations through one Query call,
 * the records of other modules they refer to, and what Medusa computes per request (totals, each
 * line's `detail`, `summary`, `payment_status`, `fulfillment_status`); money as JSON numbers.
 */
export async function readOrders(scope: AwilixContainer, input: ReadOrdersInput): Promise<ReadOrdersResult> {
  const query = scope.resolve<Query>("query")
  const { asked, readFields, wants } = planOrderRead(input.fields)
  const { data, metadata } = await query.graph<Row>({
    entity: "order",
    fields: readFields,
    filters: input.filters,
    pagination: input.pagination,
  })
  const labels = await readLabels(query, asked, data)
  const orders = data.map((row) => pruneToTree(composeOrder(row, wants, labels), asked, ORDER_RELATIONS) as Row)
  return { orders, count: metadata.count, skip: metadata.skip, take: metadata.take }
}

/** One order (`filters` narrow it further, e.g. to a customer); not_found when there is none. */
export async function retrieveOrder(scope: AwilixContainer, id: string, fields: string[], filters: Record<string, unknown> = {}): Promise<Row> {
  const { orders } = await readOrders(scope, { fields, filters: { ...filters, id }, pagination: { take: 1 } })
  const order = orders[0]
  if (!order) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Order with id: ${id} was not found`)
  return order
}

/**
 * Fails with invalid_data, as reading would, when `fields` names something an order does not have:
 * checked before a write (a completion) whose answer would otherwise be lost.
 */
export function assertOrderFields(scope: AwilixContainer, fields: string[]): void {
  scope.resolve<Query>("query").check({ entity: "order", fields: planOrderRead(fields).readFields })
}

/** The tree `fields` asks for, and Query's field list with what the computed fields need. */
const planOrderRead = plannedByFields((fields) => {
  const asked = promoteRelations(fieldTree(fields), ORDER_RELATIONS)
  const { read, wants } = planRead(asked)
  return { asked, readFields: treeFields(read), wants }
})

type Wants = { totals: boolean; summary: boolean; paymentStatus: boolean; fulfillmentStatus: boolean }

/** What to ask Query for: the columns asked, without what is computed or read elsewhere, with what that needs. */
function planRead(asked: FieldTree): { read: FieldTree; wants: Wants } {
  const read = cloneTree(asked)
  const wants: Wants = {
    totals: takeFields(read, DOCUMENT_TOTAL_FIELDS) || asked.all,
    summary: read.relations.delete("summary") || takeFields(read, ["summary"]) || asked.all,
    paymentStatus: takeFields(read, ["payment_status"]) || asked.all,
    fulfillmentStatus: takeFields(read, ["fulfillment_status"]) || asked.all,
  }
  if (wants.totals || wants.summary || wants.fulfillmentStatus) {
    childOf(read, "items")
    childOf(read, "shipping_methods")
  }
  if (wants.summary || wants.paymentStatus) for (const column of [...COLLECTION_AMOUNTS, "status"]) childOf(read, "payment_collections").fields.add(column)
  if (wants.fulfillmentStatus) for (const column of FULFILLMENT_PROGRESS) childOf(read, "fulfillments").fields.add(column)
  const items = read.relations.get("items")
  if (items) {
    takeFields(items, [...LINE_ITEM_TOTAL_FIELDS, ...ITEM_QUANTITY_TOTAL_FIELDS])
    for (const composed of ["tax_lines", "adjustments", "detail"]) items.relations.delete(composed)
    for (const column of ["unit_price", "quantity", ...QUANTITY_COLUMNS]) items.fields.add(column)
  }
  planShippingMethodsRead(read)
  read.relations.get("fulfillments")?.relations.delete("labels")
  return { read, wants }
}

/** The shipping labels of a page of orders' fulfillments, by fulfillment id, when asked for. */
async function readLabels(query: Query, asked: FieldTree, rows: Row[]): Promise<Map<string, Row[]> | undefined> {
  const labelTree = asked.relations.get("fulfillments")?.relations.get("labels")
  if (!labelTree) return undefined
  const fulfillmentIds = rows.flatMap((row) => ((row.fulfillments ?? []) as Row[]).map((fulfillment) => fulfillment.id as string))
  const read = cloneTree(labelTree)
  read.fields.add("fulfillment_id")
  const { data } = fulfillmentIds.length
    ? await query.graph<Row>({ entity: "fulfillment_label", fields: treeFields(read), filters: { fulfillment_id: fulfillmentIds } })
    : { data: [] as Row[] }
  const labels = new Map<string, Row[]>()
  for (const label of data) labels.set(label.fulfillment_id as string, [...(labels.get(label.fulfillment_id as string) ?? []), label])
  return labels
}

/** An order row with its computed fields and the records of other modules in place (before it is cut down). */
function composeOrder(row: Row, wants: Wants, labels: Map<string, Row[]> | undefined): Row {
  const lines = (row.items ?? []) as Row[]
  const shippingMethods = (row.shipping_methods ?? []) as Row[]
  const totals = computeTotals({
    items: lines.map((line) => ({
      unit_price: line.unit_price as string,
      quantity: line.quantity as number,
      detail: Object.fromEntries(QUANTITY_COLUMNS.map((column) => [column, line[column] as number])) as Record<(typeof QUANTITY_COLUMNS)[number], number>,
    })),
    shipping_methods: shippingMethods.map((method) => ({ amount: method.amount as string })),
  })
  const order: Row = { ...row }
  if (wants.totals) Object.assign(order, totals.totals)
  if (row.items) {
    order.items = lines.map((line, index) => {
      const { unit_price: _price, quantity: _quantity, detail, ...lineTotals } = totals.items[index]!
      const { fulfilled_quantity: _f, shipped_quantity: _s, delivered_quantity: _d, return_requested_quantity: _rq, return_received_quantity: _rr, written_off_quantity: _w, ...columns } = line
      return {
        ...withNumbers(columns, ["unit_price", "compare_at_unit_price"]),
        ...lineTotals,
        detail: { quantity: line.quantity, ...detail },
        variant: line.variant ?? null,
        tax_lines: [],
        adjustments: [],
      }
    })
  }
  if (row.shipping_methods) {
    order.shipping_methods = shippingMethods.map((method, index) => {
      const { amount: _amount, ...methodTotals } = totals.shipping_methods[index]!
      return { ...withNumbers(method, ["amount"]), ...methodTotals, tax_lines: [], adjustments: [] }
    })
  }
  const collections = (row.payment_collections ?? []) as (Row & PaymentCollectionSummary)[]
  if (row.payment_collections) order.payment_collections = collections.map(collectionWithNumbers)
  if (row.fulfillments && labels) {
    order.fulfillments = (row.fulfillments as Row[]).map((fulfillment) => ({ ...fulfillment, labels: labels.get(fulfillment.id as string) ?? [] }))
  }
  if (wants.summary) order.summary = summaryOf(totals.totals.total, collections)
  if (wants.paymentStatus) order.payment_status = computePaymentStatus(collections)
  if (wants.fulfillmentStatus) {
    order.fulfillment_status = computeFulfillmentStatus({
      fulfillments: (row.fulfillments ?? []) as FulfillmentProgress[],
      items: lines.map((line) => ({ quantity: line.quantity as number, detail: { fulfilled_quantity: line.fulfilled_quantity as number } })),
    })
  }
  return order
}

/** A payment collection with every amount in it (its sessions', payments', captures', refunds') as numbers. */
function collectionWithNumbers(collection: Row): Row {
  const row = withNumbers(collection, COLLECTION_AMOUNTS)
  if (Array.isArray(row.payment_sessions)) row.payment_sessions = row.payment_sessions.map((session: Row) => withNumbers(session, ["amount"]))
  if (Array.isArray(row.payments)) {
    row.payments = row.payments.map((payment: Row) => {
      const converted = withNumbers(payment, ["amount"])
      for (const list of ["captures", "refunds"]) {
        if (Array.isArray(converted[list])) converted[list] = (converted[list] as Row[]).map((entry) => withNumbers(entry, ["amount"]))
      }
      return converted
    })
  }
  return row
}

/** Medusa's order summary: what the order is worth now and what its payments settled of it. */
function summaryOf(total: number, collections: readonly PaymentCollectionSummary[]): Row {
  const paid = money.sum(collections, (collection) => collection.captured_amount)
  const refunded = money.sum(collections, (collection) => collection.refunded_amount)
  const transactions = money.subtract(paid, refunded)
  return {
    current_order_total: total,
    original_order_total: total,
    paid_total: money.toAmount(paid),
    refunded_total: money.toAmount(refunded),
    transaction_total: money.toAmount(transactions),
    pending_difference: money.toAmount(money.subtract(total, transactions)),
    accounting_total: total,
  }
}
