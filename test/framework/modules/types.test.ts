import { spawnSync } from "node:child_process"
import { readFileSync } from "node:fs"
import path from "node:path"
import ts from "typescript"
import { describe, expect, test } from "vitest"

const ROOT = path.resolve(import.meta.dirname, "../../..")
const FIXTURE = path.join(ROOT, "test/fixtures/modules/blog")
const TSCONFIG = path.join(FIXTURE, "tsconfig.json")
const TYPE_FILE = path.join(FIXTURE, "types/service-types.ts")
const DIRECTIVE = /\/\/ @ts-expect-error -- (.+)$/

describe("the types of a generated service", () => {
  test("the fixture compiles: what must compile does, and every @ts-expect-error line is an error", () => {
    const result = spawnSync("npx", ["tsc", "--noEmit", "--pretty", "false", "-p", TSCONFIG], {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 120_000,
    })
    expect(result.stdout).toBe("")
    expect(result.status).toBe(0)
  }, 150_000)

  test("each expected error is the one its directive names, and no other line fails", () => {
    const source = readFileSync(TYPE_FILE, "utf8")
    const lines = source.split("\n")
    const expected = new Map<number, string>() // line of the refused statement (0-based) → fragment
    lines.forEach((line, index) => {
      const match = DIRECTIVE.exec(line.trim())
      if (match?.[1]) expected.set(index + 1, match[1])
    })
    expect(expected.size).toBeGreaterThanOrEqual(15)

    const withoutDirectives = lines.map((line) => (DIRECTIVE.test(line.trim()) ? "" : line)).join("\n")
    const errors = compileWithContent(TYPE_FILE, withoutDirectives)

    const byLine = new Map<number, string[]>()
    for (const { line, message } of errors) byLine.set(line, [...(byLine.get(line) ?? []), message])
    for (const [line, fragment] of expected) {
      const messages = byLine.get(line) ?? []
      expect(messages.join("\n"), `line ${line + 1}: ${lines[line]?.trim()}`).toContain(fragment)
    }
    const unexpected = [...byLine].filter(([line]) => !expected.has(line))
    expect(unexpected).toEqual([])
  }, 120_000)
})

/** Type-checks the fixture project with one file's text replaced, returning that file's errors. */
function compileWithContent(file: string, content: string): { line: number; message: string }[] {
  const config = ts.getParsedCommandLineOfConfigFile(TSCONFIG, {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"))
    },
  })
  if (!config) throw new Error(`Cannot read ${TSCONFIG}`)
  const host = ts.createCompilerHost(config.options)
  const readFile = host.readFile.bind(host)
  host.readFile = (name) => (path.resolve(name) === file ? content : readFile(name))
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options, host })
  const sourceFile = program.getSourceFile(file)
  if (!sourceFile) throw new Error(`${file} is not part of ${TSCONFIG}`)
  return ts.getPreEmitDiagnostics(program, sourceFile).map((diagnostic) => ({
    line: sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line,
    message: ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"),
  }))
}
