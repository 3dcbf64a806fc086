import type { MiddlewareRoute } from "../../../framework/http/index.ts"
import { validateAndTransformBody, validateAndTransformQuery } from "../../../framework/http/index.ts"
import { retrieveStorePaymentCollectionQueryConfig } from "./query-config.ts"
import { StoreCreatePaymentCollection, StoreGetPaymentCollectionParams, StoreInitializePaymentSession } from "./validators.ts"

const collectionQuery = validateAndTransformQuery(StoreGetPaymentCollectionParams, retrieveStorePaymentCollectionQueryConfig)

export const storePaymentCollectionsRoutesMiddlewares: MiddlewareRoute[] = [
  {
    matcher: "/store/payment-collections",
    method: "POST",
    middlewares: [validateAndTransformBody(StoreCreatePaymentCollection), collectionQuery],
  },
  {
    matcher: "/store/payment-collections/:id/payment-sessions",
    method: "POST",
    middlewares: [validateAndTransformBody(StoreInitializePaymentSession), collectionQuery],
  },
]
