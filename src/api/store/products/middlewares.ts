import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listStoreProductsQueryConfig, retrieveStoreProductQueryConfig } from "./query-config.ts"
import { scopeStoreProducts } from "./scope-store-products.ts"
import { StoreGetProductParams, StoreGetProductsParams } from "./validators.ts"

export const storeProductsRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/products",
    method: "GET",
    middlewares: [validateAndTransformQuery(StoreGetProductsParams, listStoreProductsQueryConfig), scopeStoreProducts()],
  },
  {
    matcher: "/store/products/:id",
    method: "GET",
    middlewares: [validateAndTransformQuery(StoreGetProductParams, retrieveStoreProductQueryConfig), scopeStoreProducts()],
  },
]
