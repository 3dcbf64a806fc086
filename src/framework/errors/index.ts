export { AgoraError, type AgoraErrorType } from "./agora-error.ts"
