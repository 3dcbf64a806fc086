import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listBrandsQueryConfig, retrieveBrandQueryConfig } from "./query-config.ts"
import { AdminCreateBrand, AdminGetBrandParams, AdminGetBrandsParams, AdminUpdateBrand } from "./validators.ts"

export const adminBrandRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/admin/brands",
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminGetBrandsParams, listBrandsQueryConfig)],
  },
  {
    matcher: "/admin/brands",
    method: "POST",
    middlewares: [
      validateAndTransformBody(AdminCreateBrand),
      validateAndTransformQuery(AdminGetBrandParams, retrieveBrandQueryConfig),
    ],
  },
  {
    matcher: "/admin/brands/:id",
    method: ["GET", "DELETE"],
    middlewares: [validateAndTransformQuery(AdminGetBrandParams, retrieveBrandQueryConfig)],
  },
  {
    matcher: "/admin/brands/:id",
    method: "POST",
    middlewares: [
      validateAndTransformBody(AdminUpdateBrand),
      validateAndTransformQuery(AdminGetBrandParams, retrieveBrandQueryConfig),
    ],
  },
]
