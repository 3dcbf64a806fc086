export type Progress = {
  /** `done` of `total` finished. */
  update(done: number): void
  /** Ends the bar (or prints the last line). */
  finish(): void
}

const WIDTH = 30

/**
 * Progress of `total` units of `label` on `stream`: a bar redrawn in place on a terminal, a plain
 * line per update otherwise (a log file, a CI job, a test reading stderr).
 */
export function progress(label: string, total: number, stream: { isTTY?: boolean; write(text: string): unknown } = process.stderr): Progress {
  const started = performance.now()
  let last = -1
  const line = (done: number) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    if (!stream.isTTY) return `${label}: ${done}/${total} (${seconds} s)\n`
    const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH)
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100)
    return `\r${label} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${String(percent).padStart(3)}% ${done}/${total} ${seconds} s`
  }
  return {
    update(done) {
      if (done === last) return
      last = done
      stream.write(line(done))
    },
    finish() {
      if (stream.isTTY) stream.write("\n")
    },
  }
}
