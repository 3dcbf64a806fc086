import { AgoraError } from "../../framework/errors/index.ts"
import { hashPassword, verifyPassword } from "../../framework/auth/index.ts"
import { ModuleService } from "../../framework/modules/index.ts"
import { AuthIdentity } from "./models/auth-identity.ts"
import { ProviderIdentity } from "./models/provider-identity.ts"

export const EMAILPASS = "emailpass"

export type EmailPassCredentials = { email?: unknown; password?: unknown }
export type AuthenticatedIdentity = { id: string; app_metadata: Record<string, unknown> }

// Compared against when the email is unknown, so both failures take as long.
const decoyHash = hashPassword("decoy password that never matches")

export class AuthModuleService extends ModuleService({ AuthIdentity, ProviderIdentity }) {
  /** Creates an identity that signs in with email and password (hashed, never stored plain). */
  async register(
    provider: string,
    credentials: EmailPassCredentials,
    appMetadata: Record<string, unknown> = {},
  ): Promise<AuthenticatedIdentity> {
    const { email, password } = readCredentials(provider, credentials)
    const [existing] = await this.listProviderIdentities({ provider, entity_id: email }, { take: 1 })
    if (existing) throw unauthorized("Identity with email already exists")
    const identity = await this.createAuthIdentities({
      app_metadata: appMetadata,
      provider_identities: [{ provider, entity_id: email, provider_metadata: { password: await hashPassword(password) } }],
    })
    return { id: identity.id, app_metadata: appMetadata }
  }

  /** The identity whose email and password match; 401 "Invalid email or password" otherwise. */
  async authenticate(provider: string, credentials: EmailPassCredentials): Promise<AuthenticatedIdentity> {
    const { email, password } = readCredentials(provider, credentials)
    const [providerIdentity] = await this.listProviderIdentities(
      { provider, entity_id: email },
      { take: 1, relations: ["auth_identity"] },
    )
    const storedHash = providerIdentity?.provider_metadata?.password
    const matches = await verifyPassword(password, typeof storedHash === "string" ? storedHash : await decoyHash)
    const identity = providerIdentity?.auth_identity
    if (!matches || !identity) throw unauthorized("Invalid email or password")
    return { id: identity.id, app_metadata: (identity.app_metadata as Record<string, unknown> | null) ?? {} }
  }

  /** Records that the identity is also the given actor, e.g. `{ user_id }`. */
  async addActor(authIdentityId: string, actorType: string, actorId: string): Promise<void> {
    const identity = await this.retrieveAuthIdentity(authIdentityId)
    await this.updateAuthIdentities({
      id: identity.id,
      app_metadata: { ...(identity.app_metadata ?? {}), [`${actorType}_id`]: actorId },
    })
  }
}

function readCredentials(provider: string, credentials: EmailPassCredentials): { email: string; password: string } {
  if (provider !== EMAILPASS) throw unauthorized(`Auth provider ${provider} is not supported`)
  if (typeof credentials.email !== "string" || credentials.email === "") throw unauthorized("Email should be a string")
  if (typeof credentials.password !== "string" || credentials.password === "") {
    throw unauthorized("Password should be a string")
  }
  return { email: credentials.email.trim().toLowerCase(), password: credentials.password }
}

function unauthorized(message: string): AgoraError {
  return new AgoraError(AgoraError.Types.UNAUTHORIZED, message)
}
