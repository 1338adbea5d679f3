#!/usr/bin/env node
// `npm run dist [-- --linux|--win|--mac ...]`: validate electron-builder.yml, build with
// electron-vite, then build the installers with electron-builder (current OS by default).
//
// electron-builder downloads the Electron runtime for each target. Where that cannot work — the
// `electron` package has no binary (its postinstall could not reach the Electron releases, or
// ELECTRON_SKIP_BINARY_DOWNLOAD was set) and electron-builder has no cached copy — this script says
// so in one line and exits 1 instead of failing deep inside a download with a network error.
// It never probes the network itself to find out.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadBuilderConfig, securityProblems, validateBuilderConfig } from './builder-config.js'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const require = createRequire(import.meta.url)

/** Where electron-builder / @electron/get keep downloaded Electron zips. */
function electronCacheDirs() {
  const dirs = [process.env.electron_config_cache, process.env.ELECTRON_CACHE].filter(Boolean)
  if (process.platform === 'darwin') dirs.push(join(homedir(), 'Library', 'Caches', 'electron'))
  else if (process.platform === 'win32') dirs.push(join(process.env.LOCALAPPDATA ?? homedir(), 'electron', 'Cache'))
  else dirs.push(join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'electron'))
  return dirs
}

/** Why Electron is unavailable here, or null when a build can proceed. */
function electronUnavailable(version) {
  const electronDir = dirname(require.resolve('electron/package.json', { paths: [root] }))
  // The electron package writes path.txt once its postinstall downloaded and unpacked the binary.
  if (existsSync(join(electronDir, 'path.txt')) && existsSync(join(electronDir, 'dist'))) return null
  const cached = electronCacheDirs().some(
    (dir) => existsSync(dir) && readdirSync(dir, { recursive: true }).some((f) => String(f).includes(`electron-v${version}-`))
  )
  if (cached) return null
  return (
    `cannot build installers: the Electron ${version} runtime is not on this machine ` +
    `(node_modules/electron has no binary and no cached electron-v${version}-*.zip) and it cannot be downloaded here; ` +
    'run `npm run dist` on a machine that can reach the Electron releases (or set ELECTRON_MIRROR to a reachable mirror and reinstall electron).'
  )
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env })
  if (result.status !== 0) {
    process.stderr.write(`dist: ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).\n`)
    process.exit(1)
  }
}

const config = loadBuilderConfig()
const { ok, errors } = validateBuilderConfig(config)
if (!ok) {
  process.stderr.write(`dist: electron-builder.yml does not match app-builder-lib's schema:\n  ${errors.join('\n  ')}\n`)
  process.exit(1)
}
const problems = securityProblems(config)
if (problems.length > 0) {
  process.stderr.write(`dist: electron-builder.yml would ship insecurely:\n  ${problems.join('\n  ')}\n`)
  process.exit(1)
}

const version = require('electron/package.json').version
const reason = electronUnavailable(version)
if (reason) {
  process.stderr.write(`dist: ${reason}\n`)
  process.exit(1)
}

run('npx', ['electron-vite', 'build'])
run('npx', ['electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)])
