#!/usr/bin/env node
// `npm start`: build, then launch Electron. Where the Electron binary is missing (its download is
// blocked or was skipped) say so in one line and serve browser mode instead, printing the URL.
//
// The binary is looked up the way node_modules/electron/index.js does, but without requiring that
// module: requiring it starts a download when the binary is missing, and this must never reach
// the network. Extra arguments go to `wc-survey serve` (e.g. `npm start -- --port 8080`).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = join(import.meta.dirname, '..')
const extra = process.argv.slice(2)

/** The Electron executable, or the reason there is none. */
function findElectron() {
  const pkg = join(root, 'node_modules', 'electron')
  if (!existsSync(pkg)) return { reason: 'the electron package is not installed (run npm install)' }
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return { reason: 'node_modules/electron has no binary: its download was blocked or skipped' }
  const relative = readFileSync(pathFile, 'utf8').trim()
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || join(pkg, 'dist')
  const binary = join(dist, relative)
  if (!existsSync(binary)) return { reason: `${binary} is missing: the Electron download did not complete` }
  return { binary }
}

const build = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) {
  process.stderr.write(`npm start: the build failed (exit ${build.status ?? build.signal}); fix the errors above and run it again.\n`)
  process.exit(1)
}

async function serveBrowserMode() {
  const { main } = await import(pathToFileURL(join(root, 'out', 'main', 'cli.js')).href)
  process.exitCode = await main(['serve', ...extra])
}

const electron = findElectron()
if (electron.binary) {
  const child = spawn(electron.binary, [root], { cwd: root, stdio: 'inherit' })
  child.on('error', (error) => {
    process.stdout.write(`Electron could not start here (${error.message}); starting browser mode instead.\n`)
    void serveBrowserMode()
  })
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0)
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
} else {
  process.stdout.write(`Electron binary not available here (${electron.reason}); starting browser mode instead.\n`)
  await serveBrowserMode()
}
