import { createAdminUser } from "../../auth/admin-user.ts"
import { withApp } from "./with-app.ts"

export function createUser(email: string, password: string): Promise<void> {
  return withApp(async (app) => {
    await app.migrate()
    const user = await createAdminUser(app.container, app.database, { email, password })
    console.log(`Created admin user ${user.email} (${user.id})`)
  })
}
