export { generateId } from "../../ids/index.ts"
