import { createServer } from "node:http"
import type { AddressInfo } from "node:net"

export type ErpRequest = { method: string; path: string; body: Record<string, unknown>; authorization: string | undefined }

/**
 * The next PUT fails: `500` answers an error without storing anything; `hang` stores the change and
 * never answers (the ambiguous case a client timeout leaves).
 */
export type ErpFailure = "500" | "hang"

export type FakeErp = {
  readonly url: string
  /** The products as the ERP stores them. */
  readonly products: Map<string, Record<string, unknown>>
  readonly requests: ErpRequest[]
  failNext(failure: ErpFailure): void
  close(): Promise<void>
}

/** A small ERP on 127.0.0.1: `PUT /products/:id` merges the body into the product and answers `{ product }`. */
export async function startFakeErp(): Promise<FakeErp> {
  const products = new Map<string, Record<string, unknown>>()
  const requests: ErpRequest[] = []
  const failures: ErpFailure[] = []
  const server = createServer((req, res) => {
    let raw = ""
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()))
    req.on("end", () => {
      const body = raw === "" ? {} : (JSON.parse(raw) as Record<string, unknown>)
      const path = req.url ?? "/"
      requests.push({ method: req.method ?? "", path, body, authorization: req.headers.authorization })
      const match = /^\/products\/([^/]+)$/.exec(path)
      if (req.method !== "PUT" || !match) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ message: "Not found" }))
        return
      }
      const failure = failures.shift()
      if (failure === "500") {
        res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ message: "ERP database is down" }))
        return
      }
      const id = decodeURIComponent(match[1]!)
      const product = { ...products.get(id), ...body, id }
      products.set(id, product)
      if (failure === "hang") return
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ product }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    products,
    requests,
    failNext: (failure) => void failures.push(failure),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}
