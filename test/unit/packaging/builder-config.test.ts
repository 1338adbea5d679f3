// electron-builder.yml: valid for the installed electron-builder (its own schema, offline) and
// carrying the security values we ship with. Every check is also run on a flipped copy to prove it
// can fail (issue 7, item 1).
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  isPackaged,
  loadBuilderConfig,
  MAC_LOCATION_KEYS,
  REQUIRED_FUSES,
  securityProblems,
  validateBuilderConfig,
  type BuilderConfig
} from '../../../scripts/builder-config.js'

const config = loadBuilderConfig()

/** A deep copy with one dotted path replaced, e.g. flip('electronFuses.runAsNode', true). */
function flip(path: string, value: unknown): BuilderConfig {
  const copy = structuredClone(config)
  const keys = path.split('.')
  let node = copy
  // Cast: walking the parsed YAML: every level above the leaf is an object.
  for (const key of keys.slice(0, -1)) node = node[key] as BuilderConfig
  node[keys.at(-1) ?? ''] = value
  return copy
}

describe('electron-builder.yml against app-builder-lib/scheme.json', () => {
  it('validates', () => {
    expect(validateBuilderConfig(config)).toEqual({ ok: true, errors: [] })
  })

  it('rejects an unknown key and a wrong type (the validator is live)', () => {
    expect(validateBuilderConfig(flip('electronFuses.runAsNod', false)).ok).toBe(false)
    expect(validateBuilderConfig(flip('asar', 'yes')).ok).toBe(false)
    expect(validateBuilderConfig(flip('mac.hardenedRuntime', 'true')).errors.join('\n')).toMatch(/hardenedRuntime|mac/)
  })

  it('names the product, the app id and the three platforms with their installers', () => {
    expect(config.productName).toBe('WC Site Survey')
    expect(config.appId).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/)
    // Cast: the parsed electron-builder.yml; the test asserts these fields.
    const linux = config.linux as { target: string[]; category: string; maintainer: string }
    expect(linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']))
    expect(linux.category).toBeTruthy()
    expect(linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/)
    // Cast: the parsed electron-builder.yml; the test asserts these fields.
    expect((config.win as { target: string }).target).toBe('nsis')
    expect((config.mac as { target: string }).target).toBe('dmg')
  })
})

describe('security values (issue 7; Electron checklist #19 fuses)', () => {
  it('the shipped configuration has none of the problems', () => {
    expect(securityProblems(config)).toEqual([])
  })

  it.each(Object.entries(REQUIRED_FUSES))('fuse %s flipped is reported', (fuse, want) => {
    expect(securityProblems(flip(`electronFuses.${fuse}`, !want))).toEqual([
      `electronFuses.${fuse} must be ${want} (found ${!want})`
    ])
  })

  it('asar off, hardened runtime off, publishing on are reported', () => {
    expect(securityProblems(flip('asar', false))).toEqual(['asar must be true (found false)'])
    expect(securityProblems(flip('mac.hardenedRuntime', false))).toEqual(['mac.hardenedRuntime must be true (found false)'])
    expect(securityProblems(flip('publish', 'github'))).toHaveLength(1)
  })

  it.each(MAC_LOCATION_KEYS)('a missing %s (macOS Location prompt text) is reported', (key) => {
    expect(securityProblems(flip(`mac.extendInfo.${key}`, undefined))).toEqual([
      `mac.extendInfo.${key} must explain why Location is needed`
    ])
  })

  it('the entitlements plist grants the location entitlement and JIT only', () => {
    // Cast: the parsed electron-builder.yml; the test asserts these fields.
    const plist = readFileSync((config.mac as { entitlements: string }).entitlements, 'utf8')
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])
    expect(keys.sort()).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.personal-information.location'])
  })

  it('files is an allow-list: the app is packaged, sources, tests, scripts and maps are not', () => {
    const files = config.files
    expect(isPackaged(files, 'out/main/index.js')).toBe(true)
    expect(isPackaged(files, 'out/renderer/index.html')).toBe(true)
    expect(isPackaged(files, 'out/preload/index.mjs')).toBe(true)
    expect(isPackaged(files, 'package.json')).toBe(true)
    for (const path of ['src/main/index.ts', 'test/unit/x.test.ts', 'test/fixtures/scan/a.txt', 'scripts/dist.js', 'out/main/index.js.map', '.ci/run', 'node_modules/.bin/vitest']) {
      expect(isPackaged(files, path), path).toBe(false)
    }
  })

  it('a catch-all or src/test in files is reported', () => {
    expect(securityProblems(flip('files', ['**/*'])).join('\n')).toMatch(/must not package src\/main\/electron\/main\.ts/)
    expect(securityProblems(flip('files', ['out/**', 'package.json', 'src'])).join('\n')).toMatch(/must not package src\//)
    expect(securityProblems(flip('files', ['out/**', 'package.json', 'test/**'])).join('\n')).toMatch(/must not package test\//)
    expect(securityProblems(flip('files', undefined)).join('\n')).toMatch(/explicit allow-list/)
  })

  it('package.json main is inside the allow-list', () => {
    // Cast: our own package.json.
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string }
    expect(isPackaged(config.files, pkg.main)).toBe(true)
  })
})

describe('.wcsurvey file association and icons', () => {
  it('registers .wcsurvey as Editor with its Linux MIME type', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({ ext: 'wcsurvey', role: 'Editor', mimeType: 'application/x-wcsurvey', name: expect.any(String), description: expect.any(String) })
    ])
    expect(securityProblems(flip('fileAssociations', []))).toEqual(['fileAssociations must register .wcsurvey'])
  })

  it('every icon the configuration names exists', () => {
    // Casts: the parsed electron-builder.yml; the test asserts these fields.
    const mac = config.mac as { icon: string }
    const win = config.win as { icon: string }
    // Cast: as above.
    const linux = config.linux as { icon: string }
    for (const path of [mac.icon, win.icon, `${linux.icon}/512x512.png`, `${linux.icon}/16x16.png`, 'assets/build/icon.png']) {
      expect(existsSync(path), path).toBe(true)
    }
  })
})
