#!/usr/bin/env node
// Agora's TypeScript runs on Node's own type stripping (Node >= 22.18). npm scripts and npx use the
// Node pinned in devDependencies, so `npm start` works whatever Node the machine has.
const [major, minor] = process.versions.node.split(".").map(Number)
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(`Agora needs Node 22.18 or newer (this is ${process.version}); run it through npm (npm start, npx agora), which uses the Node pinned in package.json`)
  process.exit(1)
}
await import("../src/framework/cli/main.ts")
