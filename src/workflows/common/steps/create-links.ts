import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { LinkInput, LinkService } from "../../../framework/modules/index.ts"

/** Creates links between records of two modules; its compensation dismisses exactly those links. */
export const createLinksStep = createStep(
  "create-links-step",
  async (links: LinkInput[], { container }) => {
    if (links.length === 0) return new StepResponse([], [])
    await container.resolve<LinkService>("link").create(links)
    return new StepResponse(links, links)
  },
  async (links, { container }) => {
    if (!links || links.length === 0) return
    await container.resolve<LinkService>("link").dismiss(links)
  },
)
