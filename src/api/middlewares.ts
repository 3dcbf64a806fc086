import { defineMiddlewares } from "../framework/http/index.ts"
import { adminBrandRoutesMiddlewares } from "./admin/brands/middlewares.ts"

export default defineMiddlewares({
  routes: [...adminBrandRoutesMiddlewares],
})
