import type { AwilixContainer } from "awilix"
import { AgoraError } from "../../../framework/errors/index.ts"
import type { Query } from "../../../framework/modules/index.ts"
import { withNumbers } from "../../utils/compose.ts"
import type { Row } from "../../utils/compose.ts"

export type ReadPaymentsInput = {
  fields: string[]
  filters: Record<string, unknown>
  pagination?: { skip?: number; take?: number; order?: Record<string, "ASC" | "DESC"> }
}

/** Payments as `fields` asks for them, with their amounts (and their captures' and refunds') as JSON numbers. */
export async function readPayments(scope: AwilixContainer, input: ReadPaymentsInput) {
  const { data, metadata } = await scope.resolve<Query>("query").graph<Row>({ entity: "payment", ...input })
  return { payments: data.map(paymentWithNumbers), count: metadata.count, skip: metadata.skip, take: metadata.take }
}

/** One payment; not_found when there is none. */
export async function retrievePayment(scope: AwilixContainer, id: string, fields: string[]): Promise<Row> {
  const { payments } = await readPayments(scope, { fields, filters: { id }, pagination: { take: 1 } })
  const payment = payments[0]
  if (!payment) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Payment with id: ${id} was not found`)
  return payment
}

function paymentWithNumbers(payment: Row): Row {
  const row = withNumbers(payment, ["amount"])
  for (const list of ["captures", "refunds"]) {
    if (Array.isArray(row[list])) row[list] = (row[list] as Row[]).map((entry) => withNumbers(entry, ["amount"]))
  }
  return row
}
