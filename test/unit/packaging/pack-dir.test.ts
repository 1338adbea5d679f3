// The real packer on the real configuration: electron-builder packs a Linux `dir` build around a
// stand-in Electron executable (the real one cannot be downloaded here), offline. Checks what the
// installers would contain — only out/**, package.json and the runtime dependencies — and that the
// fuses in electron-builder.yml are actually written into the executable's fuse wire.
import { spawnSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadBuilderConfig, REQUIRED_FUSES, type BuilderConfig } from '../../../scripts/builder-config.js'
import { runtimePackages } from '../../../scripts/licenses.js'

const root = fileURLToPath(new URL('../../..', import.meta.url))
// The asar reader electron-builder itself packs with (a dependency of app-builder-lib).
const builderRequire = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'))
const asar = builderRequire('@electron/asar') as { listPackage(path: string, options: object): string[] }

/** Fuse wire v1 as Electron's binary stores it: sentinel, version, length, one byte per fuse. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const FUSE_ORDER = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges'
]
/** Electron's shipped defaults ('1' on, '0' off), so a fuse left alone keeps its unsafe default. */
const DEFAULT_WIRE = '10110001'

function readFuses(file: string): Record<string, boolean> {
  const bytes = readFileSync(file)
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length
  const length = bytes[at + 1] ?? 0
  return Object.fromEntries(FUSE_ORDER.slice(0, length).map((name, i) => [name, bytes[at + 2 + i] === 0x31]))
}

let work: string
let entries: string[] = []
let executable: string
let packError = ''

beforeAll(() => {
  if (!existsSync(join(root, 'out/main/index.js'))) {
    packError = 'out/main/index.js is missing: run `npm run build` (npm test does) before this test'
    return
  }
  work = mkdtempSync(join(tmpdir(), 'wc-pack-'))
  const fakeElectron = join(work, 'electron-dist')
  mkdirSync(fakeElectron)
  // A stand-in executable carrying Electron's fuse sentinel and default wire.
  writeFileSync(join(fakeElectron, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.from(SENTINEL), Buffer.from([1, 8]), Buffer.from(DEFAULT_WIRE)]))
  chmodSync(join(fakeElectron, 'electron'), 0o755)
  for (const f of ['LICENSE', 'LICENSES.chromium.html', 'version']) writeFileSync(join(fakeElectron, f), '')
  const config: BuilderConfig = { ...loadBuilderConfig(), electronDist: fakeElectron, directories: { buildResources: 'assets/build', output: join(work, 'dist') } }
  const configPath = join(work, 'builder.json')
  writeFileSync(configPath, JSON.stringify(config))
  const run = spawnSync(join(root, 'node_modules/.bin/electron-builder'), ['--config', configPath, '--linux', 'dir', '--x64', '--publish', 'never'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180000,
    env: { ...process.env, CI: 'true' }
  })
  const appDir = join(work, 'dist', 'linux-unpacked')
  if (run.status !== 0 || !existsSync(join(appDir, 'resources', 'app.asar'))) {
    packError = `electron-builder failed (exit ${run.status}): ${(run.stderr || run.stdout).slice(-2000)}`
    return
  }
  entries = asar.listPackage(join(appDir, 'resources', 'app.asar'), { isPack: false }).map((e) => e.split('\\').join('/'))
  // Cast: the parsed electron-builder.yml (String() guards the value).
  executable = join(appDir, String((config.linux as { executableName: string }).executableName))
}, 200000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('electron-builder pack (linux dir, offline, stand-in Electron)', () => {
  it('packs', () => {
    expect(packError).toBe('')
  })

  it('app.asar holds only out/**, package.json and node_modules', () => {
    const own = entries.filter((e) => !e.startsWith('/node_modules'))
    expect(own).toContain('/package.json')
    expect(own).toEqual(expect.arrayContaining(['/out/main/index.js', '/out/preload', '/out/renderer/index.html']))
    expect(own.filter((e) => e !== '/package.json' && e !== '/out' && !e.startsWith('/out/'))).toEqual([])
    expect(own.filter((e) => e.endsWith('.map'))).toEqual([])
  })

  it('node_modules holds runtime dependencies only (no dev tooling)', () => {
    // Package folders: /node_modules/<name> or /node_modules/@scope/<name>, at any depth.
    const top = new Set(entries.flatMap((e) => [...e.matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/@][^/]*)/g)].map((m) => m[1] ?? '')))
    const runtime = new Set(runtimePackages().map((p) => p.name))
    expect(top.size).toBeGreaterThan(0)
    expect([...top].filter((name) => !runtime.has(name))).toEqual([])
    for (const dev of ['electron', 'vitest', 'typescript', 'electron-builder', 'react', 'eslint']) expect(top.has(dev), dev).toBe(false)
  })

  it('the executable carries the fuses from electron-builder.yml', () => {
    const fuses = readFuses(executable)
    for (const [name, want] of Object.entries(REQUIRED_FUSES)) expect(fuses[name], name).toBe(want)
    expect(fuses.enableCookieEncryption).toBe(true)
  })

  it('the fuse reader sees the unsafe defaults in an unflipped binary (it can fail)', () => {
    const raw = join(work, 'electron-dist', 'electron')
    const fuses = readFuses(raw)
    expect(fuses.runAsNode).toBe(true)
    expect(fuses.onlyLoadAppFromAsar).toBe(false)
  })
})
