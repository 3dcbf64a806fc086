import { defineLink } from "../framework/modules/index.ts"
import BrandModule from "../modules/brand/index.ts"
import ProductModule from "../modules/product/index.ts"

/** A product has one brand (`product.brand`); a brand has many products (`brand.products`). */
export default defineLink({ linkable: ProductModule.linkable.product, isList: true }, BrandModule.linkable.brand)
