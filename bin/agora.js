#!/usr/bin/env -S node --max-semi-space-size=8
// Agora's TypeScript runs on Node's own type stripping (Node >= 22.18). npm scripts and npx use the
// Node pinned in devDependencies, so `npm start` works whatever Node the machine has.
import module from "node:module"
import { fileURLToPath } from "node:url"

const [major, minor] = process.versions.node.split(".").map(Number)
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`Agora needs Node 22.18 or newer (this is ${process.version}); run it through npm (npm start, npx agora), which uses the Node pinned in package.json`)
  process.exit(1)
}
// Caches compiled (and type-stripped) modules on disk: later starts are faster and lighter.
module.enableCompileCache(fileURLToPath(new URL("../.agora/compile-cache", import.meta.url)))
await import("../src/framework/cli/main.ts")
