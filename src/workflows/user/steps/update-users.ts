import { AgoraError } from "../../../framework/errors/index.ts"
import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import { USER_MODULE } from "../../../modules/user/index.ts"
import type { UserModuleService } from "../../../modules/user/index.ts"

type User = Awaited<ReturnType<UserModuleService["retrieveUser"]>>

/** What an admin may change on a user (the email is the sign-in identity: not here). */
export type UpdateUserInput = {
  id: string
  first_name?: string | null
  last_name?: string | null
  avatar_url?: string | null
  metadata?: Record<string, unknown> | null
}

export const updateUsersStepId = "update-users-step"

/** Changes users (not_found naming an unknown one); its compensation puts back the values it replaced. */
export const updateUsersStep = createStep(
  updateUsersStepId,
  async (updates: UpdateUserInput[], { container }) => {
    if (updates.length === 0) return new StepResponse<User[], UpdateUserInput[]>([], [])
    const service = container.resolve<UserModuleService>(USER_MODULE)
    const current = await service.listUsers({ id: updates.map((update) => update.id) })
    const previous = updates.map(({ id, ...changes }) => {
      const user = current.find((row) => row.id === id)
      if (!user) throw new AgoraError(AgoraError.Types.NOT_FOUND, `User with id: ${id} was not found`)
      const fields = Object.keys(changes) as (keyof typeof changes)[]
      return { id, ...Object.fromEntries(fields.map((field) => [field, user[field]])) } as UpdateUserInput
    })
    const updated = await service.updateUsers(updates)
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (!previous || previous.length === 0) return
    await container.resolve<UserModuleService>(USER_MODULE).updateUsers(previous)
  },
)

