// electron-builder.yml checks shared by `npm run dist` (scripts/dist.js) and the packaging tests:
// schema validation against the scheme.json that app-builder-lib ships (offline, with ajv) and the
// security-relevant values we insist on (fuses, asar, hardened runtime, files allow-list, …).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv from 'ajv'
import yaml from 'js-yaml'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const require = createRequire(import.meta.url)

/** Path of the builder configuration in this repository. */
export const BUILDER_CONFIG = resolve(root, 'electron-builder.yml')

/** Parse electron-builder.yml (or another path) into a plain object. */
export function loadBuilderConfig(path = BUILDER_CONFIG) {
  return yaml.load(readFileSync(path, 'utf8'))
}

let validator
/** Validate a configuration object against app-builder-lib's own JSON schema; errors as text. */
export function validateBuilderConfig(config) {
  if (!validator) {
    // The schema electron-builder itself validates with: same version as the installed builder.
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'))
    // strict: false because the schema uses draft-07 annotations ajv's strict mode rejects.
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema)
  }
  const ok = validator(config)
  return {
    ok,
    errors: ok ? [] : validator.errors.map((e) => `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`)
  }
}

/** Fuse values a release build must have (Electron security checklist #19). */
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  // The renderer is served from app:// (src/main/electron/app-protocol.ts), never file://.
  grantFileProtocolExtraPrivileges: false
}

/** Location usage strings macOS shows in its prompt; without them the prompt never appears. */
export const MAC_LOCATION_KEYS = ['NSLocationUsageDescription', 'NSLocationWhenInUseUsageDescription']

/** Paths that must never be packaged (sources, tests, tooling); checked against the files list. */
const FORBIDDEN_PATHS = ['src/main/electron/main.ts', 'src/renderer/index.html', 'test/unit/a.test.ts', 'scripts/dist.js', 'out/main/index.js.map', 'electron-builder.yml', 'docs/runtime-licenses.md']

/** Minimal glob → RegExp for electron-builder file patterns (**, *, ?, {a,b}). */
function globToRegExp(glob) {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*'
      i++
      if (glob[i + 1] === '/') i++
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else if (c === '{') {
      const end = glob.indexOf('}', i)
      re += `(?:${glob.slice(i + 1, end).split(',').map((p) => p.replace(/[.+^$()|[\]\\]/g, '\\$&')).join('|')})`
      i = end
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

/**
 * Whether a repo path would be packaged by a `files` list (last matching pattern wins, `!` excludes).
 *
 * A directory pattern without a glob (e.g. `src`) includes everything beneath it, as in electron-builder.
 */
export function isPackaged(files, path) {
  let included = false
  for (const raw of Array.isArray(files) ? files : [files]) {
    if (typeof raw !== 'string') return true // a FileSet with from/to: treat as "may include anything"
    const negated = raw.startsWith('!')
    const pattern = negated ? raw.slice(1) : raw
    const re = globToRegExp(pattern)
    const dirMatch = !/[*?{]/.test(pattern) && path.startsWith(`${pattern.replace(/\/$/, '')}/`)
    if (re.test(path) || dirMatch) included = !negated
  }
  return included
}

/**
 * Security-relevant problems in a builder configuration; empty when it is as we ship it.
 *
 * Each message names the key, the value found and the value required.
 */
export function securityProblems(config) {
  const problems = []
  if (config.asar !== true) problems.push(`asar must be true (found ${JSON.stringify(config.asar)})`)
  const fuses = config.electronFuses ?? {}
  for (const [fuse, want] of Object.entries(REQUIRED_FUSES)) {
    if (fuses[fuse] !== want) problems.push(`electronFuses.${fuse} must be ${want} (found ${JSON.stringify(fuses[fuse])})`)
  }
  const files = config.files
  if (!files || (Array.isArray(files) && files.length === 0)) {
    problems.push('files must be an explicit allow-list (without it everything in the project is packaged)')
  } else {
    if (!isPackaged(files, 'out/main/index.js')) problems.push('files must include out/main/index.js (package.json main)')
    if (!isPackaged(files, 'package.json')) problems.push('files must include package.json')
    for (const path of FORBIDDEN_PATHS) if (isPackaged(files, path)) problems.push(`files must not package ${path}`)
  }
  const mac = config.mac ?? {}
  if (mac.hardenedRuntime !== true) problems.push(`mac.hardenedRuntime must be true (found ${JSON.stringify(mac.hardenedRuntime)})`)
  if (!mac.entitlements) problems.push('mac.entitlements must name the entitlements plist (location entitlement)')
  else {
    const plist = readFileSync(resolve(root, mac.entitlements), 'utf8')
    if (!/<key>com\.apple\.security\.personal-information\.location<\/key>\s*<true\/>/.test(plist)) {
      problems.push(`${mac.entitlements} must grant com.apple.security.personal-information.location`)
    }
  }
  for (const key of MAC_LOCATION_KEYS) {
    const text = mac.extendInfo?.[key]
    if (typeof text !== 'string' || text.trim().length < 20) problems.push(`mac.extendInfo.${key} must explain why Location is needed`)
  }
  const assoc = (config.fileAssociations ?? []).find((a) => a.ext === 'wcsurvey' || (Array.isArray(a.ext) && a.ext.includes('wcsurvey')))
  if (!assoc) problems.push('fileAssociations must register .wcsurvey')
  else if (assoc.mimeType !== 'application/x-wcsurvey') problems.push('the .wcsurvey association must declare mimeType application/x-wcsurvey (Linux)')
  if (config.publish !== null) problems.push('publish must be null: installers are never uploaded from a build')
  return problems
}
