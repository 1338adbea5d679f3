#!/usr/bin/env node
// The one test command (README, .ci/run): type-check, lint, build, then every vitest tier.
// Prints one closing line "tests: N passed, N failed, N skipped"; exits non-zero on any failure.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const extra = process.argv.slice(2)

function step(title, command, args) {
  process.stdout.write(`\n── ${title}: ${command} ${args.join(' ')}\n`)
  const run = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  if (run.status !== 0) {
    process.stdout.write(`\n${title} failed (exit ${run.status ?? run.signal}).\ntests: 0 passed, 1 failed, 0 skipped\n`)
    process.exit(1)
  }
}

step('type-check', 'npx', ['tsc', '-p', 'tsconfig.node.json', '--noEmit'])
step('type-check', 'npx', ['tsc', '-p', 'tsconfig.web.json', '--noEmit'])
step('lint', 'npx', ['eslint', '.'])
step('build', 'npx', ['electron-vite', 'build'])

const dir = mkdtempSync(join(tmpdir(), 'wc-test-'))
const report = join(dir, 'vitest.json')
process.stdout.write('\n── tests: vitest run (unit, renderer, browser, lab, electron)\n')
const run = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
  { stdio: 'inherit', env: process.env }
)
let passed = 0
let failed = 0
let skipped = 0
try {
  const json = JSON.parse(readFileSync(report, 'utf8'))
  passed = json.numPassedTests
  failed = json.numFailedTests + (json.numFailedTestSuites ?? 0)
  skipped = json.numPendingTests + (json.numTodoTests ?? 0)
  if (json.numTotalTests === 0) failed += 1
} catch (error) {
  process.stdout.write(`could not read the vitest report: ${error.message}\n`)
  failed += 1
}
rmSync(dir, { recursive: true, force: true })
const ok = run.status === 0 && failed === 0
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`)
process.exit(ok ? 0 : 1)
