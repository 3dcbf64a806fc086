/**
 * ` limit ? offset ?` for a page of a hand-written select, its values pushed onto `params`
 * (`skip: 0` adds no offset). Empty when no page is asked for.
 */
export function pageClause(page: { take?: number | undefined; skip?: number | undefined }, params: unknown[]): string {
  let sql = ""
  if (page.take !== undefined) {
    sql += " limit ?"
    params.push(page.take)
  }
  if (page.skip) {
    sql += " offset ?"
    params.push(page.skip)
  }
  return sql
}
