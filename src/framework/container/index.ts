import { asClass, asFunction, asValue, createContainer, InjectionMode } from "awilix"
import type { AwilixContainer } from "awilix"

export type AgoraContainer = AwilixContainer

/** Keys under which the framework registers its own services. */
export const ContainerKeys = {
  CONFIG: "configModule",
  LOGGER: "logger",
  DATABASE: "database",
} as const

/** The root container: one per app; each request and unit of work resolves from a scope of it. */
export function createAgoraContainer(): AgoraContainer {
  return createContainer({ injectionMode: InjectionMode.PROXY, strict: true })
}

export { asClass, asFunction, asValue }
export type { AwilixContainer }
