export { ERP_PRODUCT_FIELDS, updateProductInAgoraStep, updateProductInAgoraStepId } from "./steps/update-product-in-agora.ts"
export type {
  ErpProductField,
  ErpProductUpdate,
  ErpProductValues,
  UpdateProductInAgoraStepInput,
  UpdateProductInAgoraStepOutput,
} from "./steps/update-product-in-agora.ts"
export { updateProductInErpStep, updateProductInErpStepId } from "./steps/update-product-in-erp.ts"
export type { UpdateProductInErpStepInput } from "./steps/update-product-in-erp.ts"
export { updateProductAndErpWorkflow, updateProductAndErpWorkflowId } from "./workflows/update-product-and-erp.ts"
export type { UpdateProductAndErpWorkflowInput } from "./workflows/update-product-and-erp.ts"
