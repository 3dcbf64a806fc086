import type { LinkApp } from "./link-app.ts"

/** Two items (the first with two variants), two labels, two channels and two stock items, unlinked. */
export async function seedCatalog(t: LinkApp) {
  const [shirt, mug] = await t.catalog.createItems([
    {
      title: "Shirt",
      handle: "shirt",
      status: "published",
      price: "19.99",
      variants: [
        { sku: "SHIRT-S", title: "Small" },
        { sku: "SHIRT-M", title: "Medium" },
      ],
    },
    { title: "Mug", handle: "mug", price: "7.5", variants: [{ sku: "MUG", title: "Default" }] },
  ])
  const [acme, globex] = await t.label.createLabels([{ name: "Acme" }, { name: "Globex" }])
  const [web, shop] = await t.channel.createChannels([{ name: "Web" }, { name: "Shop" }])
  const [cotton, ceramic] = await t.stock.createStockItems([{ sku: "COTTON" }, { sku: "CERAMIC" }])
  return {
    shirt: shirt!,
    mug: mug!,
    small: shirt!.variants![0]!,
    medium: shirt!.variants![1]!,
    mugVariant: mug!.variants![0]!,
    acme: acme!,
    globex: globex!,
    web: web!,
    shop: shop!,
    cotton: cotton!,
    ceramic: ceramic!,
  }
}
