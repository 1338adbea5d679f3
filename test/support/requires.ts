/**
 * Tier gates: a test tier that needs a tool (Chromium, root for network namespaces, the Electron
 * binary) calls `missing(...)` at collection time.
 *
 * Outside CI a missing tool prints one `SKIPPED: <tier>: <reason>` line and the tier is skipped.
 * Under CI=true a missing tool is an error — CI must install everything — except where the caller
 * says the skip is allowed in CI (only the Electron binary, which cannot be downloaded there).
 * A skipped test is reported as skipped, never as passed.
 */
export function skipFor(tier: string, reason: string | null, options: { allowedInCi?: boolean } = {}): boolean {
  if (reason === null) return false
  if (process.env.CI === 'true' && !options.allowedInCi) {
    throw new Error(`${tier}: ${reason} — CI must provide it (see .ci/run)`)
  }
  process.stdout.write(`SKIPPED: ${tier}: ${reason}\n`)
  return true
}
