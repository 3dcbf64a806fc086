import { describe, expect, test } from "vitest"
import { defineLink, model, Module, ModuleService } from "../../../src/framework/modules/index.ts"
import { resolveLinks } from "../../../src/framework/modules/link/link-registry.ts"
import type { LoadedModule } from "../../../src/framework/modules/index.ts"
import itemChannel from "../../fixtures/links/item-channel.ts"
import itemLabel from "../../fixtures/links/item-label.ts"
import variantStock from "../../fixtures/links/variant-stock.ts"
import CatalogModule from "../../fixtures/modules/catalog/index.ts"
import LabelModule from "../../fixtures/modules/label/index.ts"

describe("linkable", () => {
  test("Module() gives each model a linkable: module key, entity, primary and foreign key", () => {
    expect(Object.keys(CatalogModule.linkable).sort()).toEqual(["item", "itemPrice", "itemTag", "itemVariant"])
    expect(CatalogModule.linkable.itemVariant).toMatchObject({
      module: "catalog",
      entity: "item_variant",
      field: "itemVariant",
      primaryKey: "id",
      foreignKey: "item_variant_id",
      methodSuffix: "ItemVariant",
    })
    // @ts-expect-error -- linkable keys are typed from the service's models
    expect(CatalogModule.linkable.product).toBeUndefined()
  })
})

describe("defineLink", () => {
  test("names the table <moduleA>_<modelA>_<moduleB>_<modelB>, and each side after the other model", () => {
    expect(itemLabel.tableName).toBe("catalog_item_label_label")
    expect(itemLabel.entryPoint).toBe("item_label")
    expect([itemLabel.left.column, itemLabel.right.column]).toEqual(["item_id", "label_id"])
    // A label sees many items (isList on the item side); an item sees one label.
    expect([itemLabel.left.alias, itemLabel.right.alias]).toEqual(["items", "label"])
    expect([itemChannel.left.alias, itemChannel.right.alias]).toEqual(["items", "channels"])
  })

  test("extra columns and deleteCascade are kept", () => {
    expect(variantStock.extraColumns).toEqual({
      required_quantity: { type: "integer", nullable: false, defaultSql: "1", columnType: "integer" },
    })
    expect([variantStock.left.deleteCascade, variantStock.right.deleteCascade]).toEqual([true, false])
    expect(variantStock.tableName).toBe("catalog_item_variant_stock_stock_item")
  })

  test("database.table and idPrefix replace the defaults", () => {
    const link = defineLink(CatalogModule.linkable.item, LabelModule.linkable.label, { database: { table: "item_labels", idPrefix: "itlbl" } })
    expect([link.tableName, link.idPrefix]).toEqual(["item_labels", "itlbl"])
  })

  test("refuses what cannot make a link table", () => {
    expect(() => defineLink(CatalogModule.linkable.item, CatalogModule.linkable.itemTag)).toThrow(
      'Link item<->item_tag: both models belong to module "catalog"; a link joins two modules',
    )
    expect(() => defineLink(CatalogModule.linkable.item, { linkable: undefined as never })).toThrow(
      "defineLink: the second argument must be a module's linkable (Module.linkable.x) or { linkable, isList?, deleteCascade? }",
    )
    const extra = (extraColumns: Record<string, unknown>) =>
      defineLink(CatalogModule.linkable.item, LabelModule.linkable.label, { database: { extraColumns: extraColumns as never } })
    expect(() => extra({ item_id: { type: "text" } })).toThrow('Link item<->label: extra column "item_id" is already a column of the link')
    expect(() => extra({ rank: { type: "money" } })).toThrow('Link item<->label: extra column "rank" has unknown type "money"')
    expect(() => extra({ rank: { type: "integer", defaultValue: "1; drop table item" } })).toThrow(
      'Link item<->label: default "1; drop table item" of extra column "rank" is not a valid integer',
    )
    expect(() => extra({ "Bad Name": { type: "text" } })).toThrow('Link item<->label: extra column "Bad Name" must be a lowercase identifier')
  })
})

describe("resolving links against the loaded modules", () => {
  const Shelf = model.define("shelf", { id: model.id().primaryKey(), label: model.text() })
  const ShelfModule = Module("shelf", { service: ModuleService({ Shelf }) })
  const loaded = (...modules: { key: string; models: LoadedModule["definition"]["models"] }[]) =>
    modules.map((definition) => ({ definition, dir: "", options: {} }) as unknown as LoadedModule)

  test("a link whose alias is already a field of the model is refused", () => {
    const link = defineLink(ShelfModule.linkable.shelf, LabelModule.linkable.label)
    expect(() => resolveLinks([link], loaded(ShelfModule, LabelModule), () => {})).toThrow(
      "Link shelf<->label: shelf already has a field named label",
    )
  })

  test("a read-only link names a column of its first model, and its alias must be free", () => {
    const Bin = model.define("bin", { id: model.id().primaryKey(), label_id: model.text().nullable(), label: model.text() })
    const BinModule = Module("bin", { service: ModuleService({ Bin }) })
    const readOnly = (field: string, alias?: string) =>
      defineLink({ linkable: BinModule.linkable.bin, field }, { linkable: LabelModule.linkable.label, ...(alias ? { alias } : {}) }, { readOnly: true })

    const registry = resolveLinks([], loaded(BinModule, LabelModule), () => {}, [readOnly("label_id", "tag")])
    expect(registry.readOnlyLinks.map((link) => [link.label, link.alias])).toEqual([["bin.label_id->label", "tag"]])
    expect(registry.links).toEqual([])
    expect(() => resolveLinks([], loaded(BinModule, LabelModule), () => {}, [readOnly("shelf_id", "tag")])).toThrow(
      "Link bin.shelf_id->label: bin has no column shelf_id",
    )
    expect(() => resolveLinks([], loaded(BinModule, LabelModule), () => {}, [readOnly("label_id")])).toThrow(
      "Link bin.label_id->label: bin already has a field named label",
    )
    const warnings: string[] = []
    expect(resolveLinks([], loaded(BinModule), (message) => warnings.push(message), [readOnly("label_id", "tag")]).readOnlyLinks).toEqual([])
    expect(warnings).toEqual(['Link bin.label_id->label is inactive: module "label" is not loaded'])
    expect(() => defineLink({ linkable: BinModule.linkable.bin, field: "Label Id" }, LabelModule.linkable.label, { readOnly: true })).toThrow(
      "a read-only link's first argument must be",
    )
  })

  test("a link to a module that is not loaded stays inactive, with a warning", () => {
    const warnings: string[] = []
    const registry = resolveLinks([itemLabel, itemChannel], loaded(CatalogModule, LabelModule), (message) => warnings.push(message))
    expect(registry.links).toEqual([itemLabel])
    expect(warnings).toEqual(['Link item<->channel is inactive: module "channel" is not loaded'])
  })
})
