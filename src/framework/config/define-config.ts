import type { InputConfig } from "./types.ts"

/** Identity helper that types medusa-config.ts; validation happens when the config is loaded. */
export function defineConfig(config: InputConfig = {}): InputConfig {
  return config
}
