import type { AgoraContainer } from "../container/index.ts"
import type { Database } from "../database/index.ts"
import { AgoraError } from "../errors/index.ts"

/**
 * What creating an admin needs from the app's `user` and `auth` modules, resolved by key: the
 * engine knows their contract, not their code.
 */
type UserModule = {
  listUsers(filters: { email: string }, config: { take: number }): Promise<{ id: string }[]>
  createUsers(data: { email: string }): Promise<{ id: string; email: string }>
}
type AuthModule = {
  register(provider: string, credentials: { email: string; password: string }, appMetadata: Record<string, unknown>): Promise<{ id: string }>
}

/** Creates a user and its emailpass identity in one transaction. */
export async function createAdminUser(
  container: AgoraContainer,
  database: Database,
  credentials: { email: string; password: string },
): Promise<{ id: string; email: string }> {
  const users = container.resolve<UserModule>("user")
  const auth = container.resolve<AuthModule>("auth")
  const email = credentials.email.trim().toLowerCase()
  return database.transaction(async () => {
    const [existing] = await users.listUsers({ email }, { take: 1 })
    if (existing) throw new AgoraError(AgoraError.Types.DUPLICATE_ERROR, `A user with email ${email} already exists`)
    const user = await users.createUsers({ email })
    await auth.register("emailpass", { email, password: credentials.password }, { user_id: user.id })
    return user
  })
}
