/** A product as the ERP stores it: its id and whatever fields it keeps. */
export type ErpProduct = { id: string } & Record<string, unknown>

/** The product fields sent to the ERP; `null` clears a field. */
export type ErpProductData = Record<string, unknown>
