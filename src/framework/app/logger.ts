import pino from "pino"
import type { Logger } from "pino"

export type LoggerOptions = { pretty?: boolean; level?: string }

/** JSON logs in production; human-readable lines in `develop`. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.LOG_LEVEL ?? "info"
  if (!options.pretty) return pino({ level })
  return pino({
    level,
    transport: { target: "pino-pretty", options: { colorize: true, translateTime: "HH:MM:ss", ignore: "pid,hostname" } },
  })
}

export type { Logger }
