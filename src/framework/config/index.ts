export { defineConfig } from "./define-config.ts"
export { loadConfig, validateConfig, loadEnvFile, ConfigError, CONFIG_FILE } from "./load-config.ts"
export { DEFAULT_JWT_SECRET } from "./schema.ts"
export type { AgoraConfig, InputConfig, ProjectConfig, HttpConfig, ModuleConfig, WorkerMode, WorkflowsConfig } from "./types.ts"
