export { createStep } from "./create-step.ts"
export type { StepConfig, StepExecutionContext, StepFunction, StepInvokeFn, StepCompensateFn, StepResult } from "./create-step.ts"
export { createWorkflow } from "./create-workflow.ts"
export type {
  WorkflowConfig,
  RunOptions,
  WorkflowResult,
  WorkflowRunner,
  ExportedWorkflow,
  HookRegistrar,
  HookRegistrars,
} from "./workflow-types.ts"
export { StepResponse, SkippedStepResponse } from "./step-response.ts"
export { WorkflowResponse } from "./workflow-response.ts"
export { transform } from "./transform.ts"
export { when, type WhenBlock, type WhenCondition } from "./when.ts"
export { parallelize } from "./parallelize.ts"
export { createHook, hookStepId } from "./create-hook.ts"
export type { WorkflowData, WorkflowInput, StepOutput, StepOverrides, Resolved, Hook, HookInput } from "./workflow-data.ts"
export { workflowEngineFor, defaultWorkflowEngine } from "./workflow-engine-for.ts"
export {
  WORKFLOW_ENGINE_KEY,
  WorkflowEngine,
  WorkflowError,
  WorkflowState,
  StepStatus,
  MemoryWorkflowStorage,
  workflowToMermaid,
} from "../orchestrator/index.ts"
export type { TransactionSnapshot, WorkflowStepError, WorkflowStorage } from "../orchestrator/index.ts"
export { loadWorkflows } from "./load-workflows.ts"
