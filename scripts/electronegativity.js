#!/usr/bin/env node
// Security gate: electronegativity (Doyensec) as a second opinion on the Electron posture
// (ARCHITECTURE.md must-have 9). Its CLI exits 0 even when it finds issues, so we call its
// programmatic API and fail ourselves on any MEDIUM-or-worse finding that is not suppressed below
// with a stated reason.
//
// Offline by construction: the tool fetches translations from S3 at start-up and its
// AVAILABLE_SECURITY_FIXES global check downloads Electron's release list. We exclude that check and
// replace its HTTP client (`got`) with one that refuses, so the gate never sends a packet.
//
// Usage: node scripts/electronegativity.js [dir]   (default: src/) — exit 1 on a failing finding.
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const require = createRequire(import.meta.url)

/** Severity names in ascending order; the gate fails at MEDIUM and above. */
export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH']
export const FAIL_AT = 'MEDIUM'

/** The online checks we never run (they need the network; CI has none). */
export const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck']

/**
 * Accepted findings. Each entry: the check id, the file it applies to (path relative to the repo,
 * forward slashes; a trailing `/` matches a folder) and why the finding is a false positive or an
 * accepted risk. Keep it short: every line here is a hole in the gate.
 */
export const SUPPRESSIONS = [
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'src/main/electron/window.ts',
    why: 'The check asks for a review of every `preload:` option. Ours loads the one contextBridge file, src/preload/index.ts, which exposes exactly { request, on } and never hands listeners the IpcRendererEvent (test/unit/security-gates/preload.test.ts).'
  },
  {
    id: 'AUXCLICK_JS_CHECK',
    file: 'src/main/electron/window.ts',
    why: 'Middle-click (auxclick) can only open a window or navigate: guardWebContents denies every new window and prevents every non-app navigation (test/unit/security-gates/window-options.test.ts).'
  },
  {
    id: 'AUXCLICK_JS_CHECK',
    file: 'src/main/electron/report-window.ts',
    why: 'The hidden print window is never shown, so nobody can middle-click in it; it also denies new windows and prevents navigation away from its own report server.'
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'src/main/electron/window.ts',
    why: 'The only shell.openExternal call is the opener passed to safeOpenExternal (src/main/security/urls.ts), which opens http(s) URLs only; checkOpenExternal in test/unit/security-gates keeps it the only one.'
  }
]

/** Replace the tool's HTTP client so neither translations nor release lists are fetched. */
function blockNetwork() {
  const runnerPath = require.resolve('@doyensec/electronegativity')
  const toolRequire = createRequire(runnerPath)
  const refuse = () => Promise.reject(new Error('electronegativity gate: network disabled (offline CI)'))
  const gotPath = toolRequire.resolve('got')
  // A pre-filled CommonJS cache entry: every `require('got')` inside the tool gets `refuse`.
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: Object.assign(refuse, { default: refuse }) }
  return toolRequire
}

/** Repo-relative, forward-slash path of a finding's file. */
function repoPath(file) {
  // Global checks (e.g. "no permission handler anywhere") have no file: the tool says "N/A".
  if (file === 'N/A') return file
  return relative(root, resolve(file)).split(sep).join('/')
}

/** The suppression that covers a finding, or undefined. */
export function suppressionFor(finding, suppressions = SUPPRESSIONS) {
  return suppressions.find(
    (s) => s.id === finding.id && (s.file.endsWith('/') ? finding.file.startsWith(s.file) : finding.file === s.file)
  )
}

/**
 * Scan a folder with electronegativity's API and sort the findings.
 *
 * Returns every finding (id, severity, confidence, file, line, description), the failing ones
 * (MEDIUM or worse, not suppressed), the suppressed ones with their reason and the files the tool
 * could not parse (a file it cannot read is a file it did not check: that fails the gate too).
 */
export async function scan(input = resolve(root, 'src'), suppressions = SUPPRESSIONS) {
  const toolRequire = blockNetwork()
  const run = require('@doyensec/electronegativity')
  const electronVersion = JSON.parse(readFileSync(toolRequire.resolve('electron/package.json', { paths: [root] }), 'utf8')).version
  // The tool logs "Could not retrieve updated translations" once the refused fetch fails: expected.
  const log = console.log
  console.log = () => {}
  let result
  try {
    result = await run({
      input: resolve(input),
      excludeFromScan: EXCLUDED_CHECKS,
      severitySet: 'informational',
      confidenceSet: 'tentative',
      isRelative: false,
      electronVersionOverride: electronVersion,
      parserPlugins: []
    })
  } finally {
    console.log = log
  }
  const findings = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: repoPath(i.file),
    line: i.location.line,
    column: i.location.column,
    manualReview: Boolean(i.manualReview),
    description: i.description
  }))
  const failAt = SEVERITIES.indexOf(FAIL_AT)
  const serious = findings.filter((f) => SEVERITIES.indexOf(f.severity) >= failAt)
  const failing = serious.filter((f) => !suppressionFor(f, suppressions))
  const suppressed = serious
    .map((f) => ({ finding: f, suppression: suppressionFor(f, suppressions) }))
    .filter((s) => s.suppression !== undefined)
  const parseErrors = result.errors.filter((e) => !e.tolerable).map((e) => ({ file: repoPath(e.file), message: e.message }))
  // A suppression that matched nothing is a hole waiting for a finding: report it so it is removed.
  const unused = suppressions.filter((s) => !suppressed.some((x) => x.suppression === s))
  return { findings, failing, suppressed, unused, parseErrors, checks: result.atomicChecks + result.globalChecks }
}

function line(f) {
  return `${f.severity} ${f.id} ${f.file}:${f.line}:${f.column} — ${f.description}`
}

async function main() {
  const input = resolve(process.argv[2] ?? resolve(root, 'src'))
  const { findings, failing, suppressed, unused, parseErrors, checks } = await scan(input)
  process.stdout.write(`electronegativity: ${checks} checks on ${repoPath(input) || '.'}; ${findings.length} findings, failing at ${FAIL_AT} or worse\n`)
  for (const s of suppressed) process.stdout.write(`  suppressed: ${line(s.finding)}\n      why: ${s.suppression.why}\n`)
  for (const s of unused) process.stdout.write(`  unused suppression (remove it): ${s.id} ${s.file}\n`)
  for (const e of parseErrors) process.stdout.write(`  NOT SCANNED (parse error): ${e.file}: ${e.message}\n`)
  for (const f of failing) process.stdout.write(`  FAIL: ${line(f)}\n`)
  const ok = failing.length === 0 && parseErrors.length === 0
  process.stdout.write(
    ok
      ? 'electronegativity: pass\n'
      : `electronegativity: FAIL — fix the ${failing.length} finding(s) above or add a suppression with its reason in scripts/electronegativity.js\n`
  )
  process.exit(ok ? 0 : 1)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`electronegativity gate could not run: ${error.stack ?? error}\n`)
    process.exit(1)
  })
}
