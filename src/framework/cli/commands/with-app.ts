import { createApp } from "../../app/index.ts"
import type { AgoraApp } from "../../app/index.ts"

/** Boots the app for a one-off command and always closes it (and its embedded database). */
export async function withApp<T>(work: (app: AgoraApp) => Promise<T>): Promise<T> {
  const app = await createApp({ rootDir: process.cwd() })
  try {
    return await app.database.unitOfWork(() => work(app))
  } finally {
    await app.close()
  }
}
