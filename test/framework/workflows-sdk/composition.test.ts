import { describe, expect, test } from "vitest"
import {
  createHook,
  createStep,
  createWorkflow,
  parallelize,
  StepResponse,
  transform,
  when,
  WorkflowResponse,
  type WorkflowData,
} from "../../../src/framework/workflows-sdk/index.ts"
import { createTestEngine } from "./helpers.ts"

const echo = createStep("echo", async (value: string) => new StepResponse(value))
const shout = createStep("shout", async (value: string) => new StepResponse(value.toUpperCase()))

describe("composing a workflow", () => {
  test("a step called outside createWorkflow throws a clear error", () => {
    expect(() => echo("hi")).toThrow('Step "echo" was called outside a workflow: call it inside the function given to createWorkflow()')
    expect(() => transform({}, () => 1)).toThrow("transform() was called outside a workflow")
  })

  test("the same definition gives the same step ids every time", () => {
    const define = () =>
      createWorkflow("ids", (input: WorkflowData<{ text: string }>) => {
        const a = echo(input.text)
        const [b, c] = parallelize(shout(a), echo(a).config({ name: "echo-again" }))
        const hook = createHook("echoed", { b, c })
        return new WorkflowResponse(c, { hooks: [hook] })
      })

    const ids = (workflow: ReturnType<typeof define>) => workflow.graph.nodes.map((node) => node.id)

    expect(ids(define())).toEqual(["echo", "shout", "echo-again", "hook.echoed"])
    expect(ids(define())).toEqual(ids(define()))
    expect(define().graph.stages).toEqual([["echo"], ["shout", "echo-again"], ["hook.echoed"]])
  })

  test("a workflow defined while another is being composed does not leak into it", async () => {
    const { container } = createTestEngine()
    let inner: ReturnType<typeof defineInner> | undefined
    const defineInner = () => createWorkflow("inner", () => new WorkflowResponse(shout("inner")))
    const outer = createWorkflow("outer", () => {
      const first = echo("outer")
      inner = defineInner()
      return new WorkflowResponse(transform({ first }, ({ first }) => `${first}!`))
    })

    expect(outer.graph.nodes.map((node) => node.id)).toEqual(["echo"])
    expect(inner?.graph.nodes.map((node) => node.id)).toEqual(["shout"])
    expect((await outer(container).run()).result).toBe("outer!")
    expect((await inner?.(container).run())?.result).toBe("INNER")
  })

  test("a value of one workflow used in another is refused", () => {
    let leaked: WorkflowData<string> | undefined
    createWorkflow("first", () => {
      leaked = echo("x")
    })

    expect(() =>
      createWorkflow("second", () => {
        if (leaked !== undefined) echo(leaked)
      }),
    ).toThrow('A value of workflow "first" was used in workflow "second"')
  })

  test("using a step twice needs .config({ name }), which makes both uses run", async () => {
    const { container } = createTestEngine()
    expect(() =>
      createWorkflow("twice", () => {
        echo("a")
        echo("b")
      }),
    ).toThrow('Workflow "twice" uses step "echo" twice: give each further use its own name with .config({ name })')

    const workflow = createWorkflow("twice-named", () => {
      const a = echo("a")
      const b = echo("b").config({ name: "echo-b" })
      return new WorkflowResponse({ a, b })
    })
    expect((await workflow(container).run()).result).toEqual({ a: "a", b: "b" })
  })

  test(".config() can also change retries for one use", async () => {
    const { container } = createTestEngine()
    let attempts = 0
    const flaky = createStep("flaky", async () => {
      attempts++
      if (attempts < 2) throw new Error("once")
      return new StepResponse("ok")
    })
    const workflow = createWorkflow("tuned", () => new WorkflowResponse(flaky().config({ maxRetries: 1 })))

    expect((await workflow(container).run()).result).toBe("ok")
  })

  test("composer mistakes fail at definition time with a message that says what to do", () => {
    expect(() =>
      createWorkflow("spread", (input: WorkflowData<{ a: string }>) => {
        echo({ ...input } as unknown as string)
      }),
    ).toThrow("cannot be spread or iterated; compute with it inside transform()")

    expect(() =>
      createWorkflow("template", (input: WorkflowData<{ a: string }>) => {
        echo(`${String(input.a)}!`)
      }),
    ).toThrow('Workflow "template": input.a has no value while the workflow is composed and cannot be converted to a string or number')

    expect(() =>
      // @ts-expect-error composers must be synchronous
      createWorkflow("async-composer", async () => {
        echo("x")
      }),
    ).toThrow('The composer of workflow "async-composer" must be synchronous')

    expect(() =>
      createWorkflow("hidden-hook", () => {
        createHook("forgotten", {})
      }),
    ).toThrow('Workflow "hidden-hook" creates hook "forgotten" but does not return it')

    expect(() =>
      createWorkflow("bad:name", () => {
        echo("x")
      }),
    ).toThrow('Invalid workflow name "bad:name"')
  })

  test("parallelize refuses steps that depend on each other or are not consecutive", () => {
    expect(() =>
      createWorkflow("dependent", () => {
        const a = echo("a")
        parallelize(a, shout(a))
      }),
    ).toThrow('step "shout" uses the output of "echo", which runs in parallel with it')

    expect(() =>
      createWorkflow("gap", () => {
        const a = echo("a")
        shout("b")
        parallelize(a, echo("c").config({ name: "echo-c" }))
      }),
    ).toThrow("parallelize() needs its steps called one after the other")

    expect(() =>
      createWorkflow("mixed", () => {
        const a = echo("a")
        const b = when({}, () => true).then(() => shout("b"))
        parallelize(a, b)
      }),
    ).toThrow("parallelize() takes the outputs of step calls")
  })

  test("a step called after its composer returned is refused, even from a continuation it started", async () => {
    let later: (() => unknown) | undefined
    let continuation: Promise<unknown> | undefined
    createWorkflow("escaped", () => {
      later = () => echo("late")
      continuation = Promise.resolve().then(() => echo("later"))
    })

    expect(() => later?.()).toThrow('Step "echo" was called outside a workflow')
    await expect(continuation).rejects.toThrow('Step "echo" was called after the composition of workflow "escaped" ended')
  })
})
