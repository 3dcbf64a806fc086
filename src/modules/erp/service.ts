import { AgoraError } from "../../framework/errors/index.ts"
import type { ModuleDependencies } from "../../framework/modules/index.ts"
import { parseErpOptions } from "./options.ts"
import type { ErpSettings } from "./options.ts"
import type { ErpProduct, ErpProductData } from "./types.ts"

export const ErpErrorCodes = {
  /** The ERP answered with a status other than 2xx: it did not store the change. */
  REQUEST_FAILED: "erp_request_failed",
  /** No answer (timeout, refused connection ...): the ERP may or may not have stored the change. */
  UNREACHABLE: "erp_unreachable",
} as const

/**
 * The client of an external ERP reached over HTTP. Its contract: `PUT <baseUrl>/products/<id>` with
 * a JSON body of fields answers 2xx with `{ product }`, the product as the ERP stored it. The module
 * keeps nothing in Agora's database.
 */
export class ErpModuleService {
  readonly #settings: ErpSettings

  constructor(_dependencies: ModuleDependencies, options: Record<string, unknown> = {}) {
    this.#settings = parseErpOptions(options)
  }

  /** Sends changed product fields to the ERP; returns the product as the ERP stored it. */
  async updateProduct(id: string, data: ErpProductData): Promise<ErpProduct> {
    return this.#putProduct(id, data)
  }

  /**
   * Puts back the values the product had before an update (compensation). A PUT of the same values
   * is idempotent, so calling it again after a crash or a retry is harmless.
   */
  async restoreProduct(id: string, previous: ErpProductData): Promise<ErpProduct> {
    return this.#putProduct(id, previous)
  }

  async #putProduct(id: string, data: ErpProductData): Promise<ErpProduct> {
    if (typeof id !== "string" || id === "") {
      throw new AgoraError(AgoraError.Types.INVALID_DATA, "A product id is required to update the ERP")
    }
    const body = await this.#request("PUT", `products/${encodeURIComponent(id)}`, data)
    const product = typeof body === "object" && body !== null && "product" in body ? body.product : undefined
    if (typeof product !== "object" || product === null || Array.isArray(product)) {
      throw new AgoraError(
        AgoraError.Types.UNEXPECTED_STATE,
        `ERP at ${this.#baseUrl()} answered PUT /products/${id} without a product object`,
        ErpErrorCodes.REQUEST_FAILED,
      )
    }
    return { ...(product as Record<string, unknown>), id }
  }

  async #request(method: string, path: string, body: unknown): Promise<unknown> {
    const baseUrl = this.#baseUrl()
    const url = new URL(path, baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`)
    const what = `${method} /${path}`
    let response: Response
    try {
      response = await fetch(url, {
        method,
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          ...(this.#settings.apiKey === undefined ? {} : { authorization: `Bearer ${this.#settings.apiKey}` }),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.#settings.timeoutMs),
      })
    } catch (error) {
      throw unreachable(baseUrl, what, error, this.#settings.timeoutMs)
    }
    let text: string
    try {
      text = await response.text()
    } catch (error) {
      throw unreachable(baseUrl, what, error, this.#settings.timeoutMs)
    }
    if (!response.ok) {
      const detail = text.trim() === "" ? "" : `: ${text.trim().slice(0, 200)}`
      throw new AgoraError(
        AgoraError.Types.UNEXPECTED_STATE,
        `ERP at ${baseUrl} answered ${response.status} ${response.statusText} to ${what}${detail}`,
        ErpErrorCodes.REQUEST_FAILED,
      )
    }
    try {
      return text === "" ? null : (JSON.parse(text) as unknown)
    } catch {
      throw new AgoraError(
        AgoraError.Types.UNEXPECTED_STATE,
        `ERP at ${baseUrl} answered ${what} with a body that is not JSON`,
        ErpErrorCodes.REQUEST_FAILED,
      )
    }
  }

  #baseUrl(): string {
    const { baseUrl } = this.#settings
    if (baseUrl === undefined) {
      throw new AgoraError(
        AgoraError.Types.UNEXPECTED_STATE,
        "The ERP is not configured: set the erp module's baseUrl option (ERP_URL)",
        ErpErrorCodes.REQUEST_FAILED,
      )
    }
    return baseUrl
  }
}

function unreachable(baseUrl: string, what: string, error: unknown, timeoutMs: number): AgoraError {
  const reason =
    error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")
      ? `did not answer ${what} within ${timeoutMs} ms`
      : `could not be reached for ${what}: ${causeOf(error)}`
  return new AgoraError(AgoraError.Types.UNEXPECTED_STATE, `ERP at ${baseUrl} ${reason}`, ErpErrorCodes.UNREACHABLE)
}

/** fetch reports "fetch failed" and keeps the system error (ECONNREFUSED ...) as its cause. */
function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause
  if (cause instanceof Error) return "code" in cause && typeof cause.code === "string" ? cause.code : cause.message
  return error.message
}
