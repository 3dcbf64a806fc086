import { AgoraError } from "../../framework/errors/index.ts"
import { ModuleService } from "../../framework/modules/index.ts"
import type { InferEntity, ModuleDependencies } from "../../framework/modules/index.ts"
import { API_KEY_TYPES, ApiKey } from "./models/api-key.ts"
import type { ApiKeyType } from "./models/api-key.ts"
import { generateSalt, generateToken, hashToken, redact, tokenMatches } from "./tokens.ts"

export type ApiKeyDTO = InferEntity<typeof ApiKey>

export type CreateApiKeyInput = {
  title: string
  type: ApiKeyType
  /** The id of the user who creates it. */
  created_by: string
  metadata?: Record<string, unknown> | null
}

export type RevokeApiKeyInput = {
  revoked_by: string
  /** Seconds until the revocation takes effect; immediately when omitted. */
  revoke_in?: number
}

const GeneratedCrud = ModuleService({ ApiKey })
type GeneratedCrud = InstanceType<typeof GeneratedCrud>
const REPLACED = ["createApiKeys"] as const

// Generated methods are set on each instance, so a method below with the same name would be hidden by
// them: the base leaves the replaced names out of its type, and the constructor removes them.
const Base = GeneratedCrud as unknown as {
  new (dependencies: ModuleDependencies, options?: Record<string, unknown>): Omit<GeneratedCrud, (typeof REPLACED)[number]>
  readonly models: typeof GeneratedCrud.models
}

/** A key is active until its revocation time has come. */
const active = () => ({ $or: [{ revoked_at: null }, { revoked_at: { $gt: new Date() } }] })

export class ApiKeyModuleService extends Base {
  private readonly crud: GeneratedCrud

  constructor(dependencies: ModuleDependencies, options: Record<string, unknown> = {}) {
    super(dependencies, options)
    this.crud = new GeneratedCrud(dependencies, options)
    for (const name of REPLACED) Reflect.deleteProperty(this, name)
  }

  /**
   * Creates keys with fresh random tokens. A secret key's token is stored hashed: the `token` returned
   * here is the only time it can be read.
   */
  async createApiKeys(data: CreateApiKeyInput): Promise<ApiKeyDTO>
  async createApiKeys(data: CreateApiKeyInput[]): Promise<ApiKeyDTO[]>
  async createApiKeys(data: CreateApiKeyInput | CreateApiKeyInput[]): Promise<ApiKeyDTO | ApiKeyDTO[]> {
    const inputs = (Array.isArray(data) ? data : [data]).map(validateCreate)
    const prepared = await Promise.all(inputs.map(prepareKey))
    const created = await this.crud.createApiKeys(prepared.map(({ row }) => row))
    const keys = created.map((key, i) => ({ ...key, token: prepared[i]?.plainToken ?? key.token }))
    return Array.isArray(data) ? keys : (keys[0] as ApiKeyDTO)
  }

  /** Revokes keys (now, or in `revoke_in` seconds). A key already revoked cannot be revoked again. */
  async revoke(ids: string, input: RevokeApiKeyInput): Promise<ApiKeyDTO>
  async revoke(ids: string[], input: RevokeApiKeyInput): Promise<ApiKeyDTO[]>
  async revoke(ids: string | string[], input: RevokeApiKeyInput): Promise<ApiKeyDTO | ApiKeyDTO[]> {
    const list = Array.isArray(ids) ? ids : [ids]
    if (typeof input?.revoked_by !== "string" || input.revoked_by === "") invalid("revoked_by is required")
    if (input.revoke_in !== undefined && !(Number.isFinite(input.revoke_in) && input.revoke_in >= 0)) {
      invalid(`revoke_in must be a number of seconds, got ${String(input.revoke_in)}`)
    }
    const revokedAt = new Date(Date.now() + (input.revoke_in ?? 0) * 1000)
    const keys = await this.database.transaction(async () => {
      const found = await this.listApiKeys({ id: list })
      const missing = list.filter((id) => !found.some((key) => key.id === id))
      if (missing.length > 0) throw new AgoraError(AgoraError.Types.NOT_FOUND, `API key with id: ${missing.join(", ")} was not found`)
      // Only keys still active are taken, so two revocations racing each other cannot both succeed.
      const taken = await this.database.execute<{ id: string }>(
        `update "api_key" set "revoked_at" = ?, "revoked_by" = ?, "updated_at" = now()
         where "id" in (${list.map(() => "?").join(", ")}) and ("revoked_at" is null or "revoked_at" > now()) returning "id"`,
        [revokedAt, input.revoked_by, ...list],
      )
      const revoked = list.filter((id) => !taken.some((row) => row.id === id))
      if (revoked.length > 0) invalid(`API key ${revoked.join(", ")} is already revoked`)
      return this.listApiKeys({ id: list })
    })
    const ordered = list.map((id) => keys.find((key) => key.id === id) as ApiKeyDTO)
    return Array.isArray(ids) ? ordered : (ordered[0] as ApiKeyDTO)
  }

  /** The active secret key whose token this is, or null. */
  async authenticate(token: unknown): Promise<ApiKeyDTO | null> {
    if (typeof token !== "string" || !token.startsWith("sk_")) return null
    // The redacted form narrows the candidates to (almost always) one before the slow hash comparison.
    const candidates = await this.listApiKeys({ type: "secret", redacted: redact(token), ...active() })
    for (const key of candidates) {
      if (await tokenMatches(token, key.salt, key.token)) return key
    }
    return null
  }

  /** The active publishable key with this token, or null: one indexed query, for every storefront request. */
  async validatePublishableKey(token: unknown): Promise<ApiKeyDTO | null> {
    if (typeof token !== "string" || !token.startsWith("pk_")) return null
    const [key] = await this.listApiKeys({ token, type: "publishable", ...active() }, { take: 1 })
    return key ?? null
  }

  /** The publishable key with this token, revoked or not. */
  async retrieveByToken(token: string): Promise<ApiKeyDTO> {
    const [key] = await this.listApiKeys({ token, type: "publishable" }, { take: 1 })
    if (!key) throw new AgoraError(AgoraError.Types.NOT_FOUND, `Publishable API key ${redact(String(token))} was not found`)
    return key
  }
}

async function prepareKey(input: CreateApiKeyInput) {
  const plainToken = generateToken(input.type)
  const secret = input.type === "secret"
  const salt = secret ? generateSalt() : ""
  const token = secret ? await hashToken(plainToken, salt) : plainToken
  return { plainToken, row: { ...input, token, salt, redacted: redact(plainToken) } }
}

function validateCreate(input: CreateApiKeyInput): CreateApiKeyInput {
  if (typeof input?.title !== "string" || input.title.trim() === "") invalid("title is required")
  if (!API_KEY_TYPES.includes(input.type)) {
    invalid(`type must be one of ${API_KEY_TYPES.join(", ")}, got ${JSON.stringify(input.type ?? null)}`)
  }
  if (typeof input.created_by !== "string" || input.created_by === "") invalid("created_by is required")
  return input
}

function invalid(reason: string): never {
  throw new AgoraError(AgoraError.Types.INVALID_DATA, `API key: ${reason}`)
}
