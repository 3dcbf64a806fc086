import BigNumber from "bignumber.js"

/**
 * Exact decimal arithmetic for amounts in a currency's main unit (`10.5` = 10.50 USD). Amounts are
 * stored as `numeric` and read back as decimal strings; they are computed here, never with floats,
 * and turned into JSON numbers only at the edge (`toAmount`).
 */
export type Amount = string | number | BigNumber

const Decimal = BigNumber.clone({ DECIMAL_PLACES: 20, ROUNDING_MODE: BigNumber.ROUND_HALF_UP })

function decimal(value: Amount): BigNumber {
  const result = new Decimal(value)
  if (!result.isFinite()) throw new RangeError(`Not an amount: ${String(value)}`)
  return result
}

export const money = {
  add(...values: Amount[]): string {
    return values.reduce<BigNumber>((sum, value) => sum.plus(decimal(value)), new Decimal(0)).toFixed()
  },
  subtract(a: Amount, b: Amount): string {
    return decimal(a).minus(decimal(b)).toFixed()
  },
  multiply(a: Amount, b: Amount): string {
    return decimal(a).times(decimal(b)).toFixed()
  },
  /** Divides, rounding half up to `decimals` places (default 20). */
  divide(a: Amount, b: Amount, decimals = 20): string {
    return decimal(a).div(decimal(b)).decimalPlaces(decimals, BigNumber.ROUND_HALF_UP).toFixed()
  },
  /** Sum of `field` over `rows`, skipping null and undefined. */
  sum<T>(rows: readonly T[], pick: (row: T) => Amount | null | undefined): string {
    return money.add(...rows.map(pick).filter((value): value is Amount => value !== null && value !== undefined))
  },
  compare(a: Amount, b: Amount): -1 | 0 | 1 {
    return decimal(a).comparedTo(decimal(b)) as -1 | 0 | 1
  },
  isZero(value: Amount): boolean {
    return decimal(value).isZero()
  },
  min(...values: Amount[]): string {
    return Decimal.min(...values.map(decimal)).toFixed()
  },
  max(...values: Amount[]): string {
    return Decimal.max(...values.map(decimal)).toFixed()
  },
  /** The decimal string an amount is stored as. */
  toDecimal(value: Amount): string {
    return decimal(value).toFixed()
  },
  /** The JSON number a response carries (API.md §1: totals are plain numbers). */
  toAmount(value: Amount): number {
    return decimal(value).toNumber()
  },
  isAmount(value: unknown): value is Amount {
    if (typeof value !== "string" && typeof value !== "number" && !BigNumber.isBigNumber(value)) return false
    try {
      return new Decimal(value as Amount).isFinite()
    } catch {
      // bignumber.js throws on text that is not a number (in its debug mode) or returns NaN.
      return false
    }
  },
}
