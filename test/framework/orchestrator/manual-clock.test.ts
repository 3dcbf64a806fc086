import { expect, test } from "vitest"
import { ManualClock, sleep } from "../../../src/framework/orchestrator/index.ts"

test("timers fire in order as time is advanced, and not before", async () => {
  const clock = new ManualClock(0)
  const fired: string[] = []
  clock.setTimer(20, () => fired.push("b"))
  clock.setTimer(10, () => fired.push("a"))
  const cancel = clock.setTimer(15, () => fired.push("cancelled"))
  cancel()

  await clock.advance(15)
  expect(fired).toEqual(["a"])
  await clock.advance(5)
  expect(fired).toEqual(["a", "b"])
  expect(clock.now()).toBe(20)
})

test("settle runs timer after timer until the promise settles", async () => {
  const clock = new ManualClock(0)
  const work = (async () => {
    await sleep(clock, 1000)
    await sleep(clock, 2000)
    return clock.now()
  })()

  expect(await clock.settle(work)).toBe(3000)
})

test("settle refuses to wait for a promise that nothing can settle", async () => {
  const clock = new ManualClock(0)

  await expect(clock.settle(new Promise(() => {}))).rejects.toThrow("the promise is pending and no timer is left")
})

test("an aborted sleep rejects at once and cancels its timer", async () => {
  const clock = new ManualClock(0)
  const controller = new AbortController()
  const sleeping = sleep(clock, 1000, controller.signal)

  controller.abort(new Error("stop"))

  await expect(sleeping).rejects.toThrow("stop")
  expect(clock.pendingTimers).toBe(0)
})
