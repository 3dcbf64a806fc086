import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { listProductsQueryConfig, listVariantsQueryConfig, retrieveProductQueryConfig, retrieveVariantQueryConfig } from "./query-config.ts"
import {
  AdminCreateProduct,
  AdminCreateProductVariantBody,
  AdminGetProductParams,
  AdminGetProductsParams,
  AdminGetProductVariantParams,
  AdminGetProductVariantsParams,
  AdminUpdateProduct,
  AdminUpdateProductVariantBody,
} from "./validators.ts"

const productQuery = validateAndTransformQuery(AdminGetProductParams, retrieveProductQueryConfig)

export const adminProductsRoutesMiddlewares: MiddlewareRoute[] = [
  { matcher: "/admin/products", method: "GET", middlewares: [validateAndTransformQuery(AdminGetProductsParams, listProductsQueryConfig)] },
  { matcher: "/admin/products", method: "POST", middlewares: [validateAndTransformBody(AdminCreateProduct), productQuery] },
  { matcher: "/admin/products/:id", method: ["GET", "DELETE"], middlewares: [productQuery] },
  { matcher: "/admin/products/:id", method: "POST", middlewares: [validateAndTransformBody(AdminUpdateProduct), productQuery] },
  {
    matcher: "/admin/products/:id/variants",
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminGetProductVariantsParams, listVariantsQueryConfig)],
  },
  { matcher: "/admin/products/:id/variants", method: "POST", middlewares: [validateAndTransformBody(AdminCreateProductVariantBody), productQuery] },
  {
    matcher: "/admin/products/:id/variants/:variant_id",
    method: "GET",
    middlewares: [validateAndTransformQuery(AdminGetProductVariantParams, retrieveVariantQueryConfig)],
  },
  {
    matcher: "/admin/products/:id/variants/:variant_id",
    method: "POST",
    middlewares: [validateAndTransformBody(AdminUpdateProductVariantBody), productQuery],
  },
  { matcher: "/admin/products/:id/variants/:variant_id", method: "DELETE", middlewares: [productQuery] },
]
