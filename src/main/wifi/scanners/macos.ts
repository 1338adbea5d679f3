/**
 * macOS: `system_profiler SPAirPortDataType -json` (channel with band and width, PHY mode,
 * security class, signal/noise). `airport` through node-wifi only before macOS 14.4, which
 * removed it. SSIDs withheld without Location permission come back redacted, never hidden.
 */
import type { Observation } from '../../../shared/model/observation'
import { KILL_GRACE_MS, withDeadline, type CommandRunner } from '../command-runner'
import { mergeSources } from '../merge'
import { parseSystemProfiler } from '../parsers/system-profiler'
import { commandFailed, toolMissing } from '../scan-errors'
import { observationsFromNodeWifi, type NodeWifiNetwork } from './node-wifi'
import { MIN_INTERVAL_MS, type ScanOutcome, type Scanner } from './scanner'

export interface MacScannerDeps {
  readonly run: CommandRunner
  readonly env: NodeJS.ProcessEnv
  /** Darwin kernel release (os.release()), e.g. "23.4.0" = macOS 14.4. */
  readonly darwinRelease: string
  readonly nodeWifiScan: (() => Promise<NodeWifiNetwork[]>) | null
  readonly timeoutMs?: number
}

/** True when `airport` still exists: macOS before 14.4 (Darwin 23.4). */
export function hasAirport(darwinRelease: string): boolean {
  const [major = 0, minor = 0] = darwinRelease.split('.').map(Number)
  return major < 23 || (major === 23 && minor < 4)
}

/** The macOS scanner. */
export function createMacScanner(deps: MacScannerDeps): Scanner {
  const useAirport = deps.nodeWifiScan !== null && hasAirport(deps.darwinRelease)
  const scan = async (): Promise<ScanOutcome> => {
    // system_profiler takes 3–10 s: it performs the scan itself.
    const timeoutMs = deps.timeoutMs ?? 30000
    const airport =
      useAirport && deps.nodeWifiScan
        ? withDeadline(
            deps.nodeWifiScan().catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
            timeoutMs + 2 * KILL_GRACE_MS,
            () => new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)
          )
        : null
    const out = await deps.run('system_profiler', ['SPAirPortDataType', '-json'], { timeoutMs, env: deps.env })
    if (!out.ok) {
      if (out.kind === 'missing') return { ok: false, error: toolMissing('system_profiler', 'it ships with macOS: check that /usr/sbin is on PATH') }
      return { ok: false, error: commandFailed('system_profiler', out) }
    }
    const r = parseSystemProfiler(out.stdout)
    const warnings = [...r.warnings]
    let fromAirport: Observation[] = []
    const networks = airport ? await airport : null
    if (networks instanceof Error) warnings.push(`airport (node-wifi) failed: ${networks.message.slice(0, 160)}`)
    else if (networks) fromAirport = [...observationsFromNodeWifi(networks, 'darwin').observations]
    return { ok: true, observations: mergeSources([r.observations, fromAirport]), skipped: r.skipped, warnings }
  }
  return { name: useAirport ? 'macOS (system_profiler + airport via node-wifi)' : 'macOS (system_profiler)', minIntervalMs: MIN_INTERVAL_MS, scan }
}
