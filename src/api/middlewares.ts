import { defineMiddlewares } from "../framework/http/index.ts"
import { adminBrandRoutesMiddlewares } from "./admin/brands/middlewares.ts"
import { adminJobRoutesMiddlewares } from "./admin/jobs/middlewares.ts"
import { adminWorkflowExecutionRoutesMiddlewares } from "./admin/workflows-executions/middlewares.ts"

export default defineMiddlewares({
  routes: [...adminBrandRoutesMiddlewares, ...adminWorkflowExecutionRoutesMiddlewares, ...adminJobRoutesMiddlewares],
})
