import { createStep, StepResponse } from "../../../framework/workflows-sdk/index.ts"
import type { LinkInput, LinkService } from "../../../framework/modules/index.ts"

/** Removes links; its compensation creates them again (with the extra columns they had). */
export const dismissLinksStep = createStep(
  "dismiss-links-step",
  async (links: LinkInput[], { container }) => {
    if (links.length === 0) return new StepResponse([], [])
    const service = container.resolve<LinkService>("link")
    const existing = await service.list(links, { asLinkDefinition: true })
    await service.dismiss(links)
    return new StepResponse(links, existing)
  },
  async (dismissed, { container }) => {
    if (!dismissed || dismissed.length === 0) return
    await container.resolve<LinkService>("link").create(dismissed)
  },
)
