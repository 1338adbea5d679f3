#!/usr/bin/env node
// `npm run bench`: builds the app, then runs every benchmark in scripts/bench/ one after another.
// Each prints its own figures against its target; benchmarks measure, they never fail a build.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const dir = join(import.meta.dirname, 'bench')
const only = process.argv.slice(2)
const files = readdirSync(dir)
  .filter((f) => /\.(m?js|ts)$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] })
if (build.status !== 0) process.exit(build.status ?? 1)

let failed = 0
for (const file of files) {
  process.stdout.write(`\n══ ${file}\n`)
  const args = file.endsWith('.ts') ? ['tsx', join(dir, file)] : [join(dir, file)]
  const run = spawnSync(args[0] === 'tsx' ? 'npx' : process.execPath, args, { stdio: 'inherit' })
  if (run.status !== 0) {
    failed += 1
    process.stdout.write(`${file}: could not run (exit ${run.status ?? run.signal})\n`)
  }
}
process.exit(failed === 0 ? 0 : 1)
