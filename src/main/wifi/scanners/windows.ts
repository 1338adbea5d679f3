/**
 * Windows: `netsh wlan show networks mode=bssid`, read by label (any of six display languages).
 * netsh lists what the WLAN service last scanned (Windows rescans about every minute and when
 * asked by an app); every BSSID is kept.
 */
import { cLocale, type CommandRunner } from '../command-runner'
import { netshLocationRefusal, parseNetsh } from '../parsers/netsh'
import { commandFailed, noAdapter, scanFailed, toolMissing } from '../scan-errors'
import { MIN_INTERVAL_MS, type ScanOutcome, type Scanner } from './scanner'

export interface WindowsScannerDeps {
  readonly run: CommandRunner
  readonly env: NodeJS.ProcessEnv
  readonly timeoutMs?: number
}

/** The Windows scanner. */
export function createWindowsScanner(deps: WindowsScannerDeps): Scanner {
  const scan = async (): Promise<ScanOutcome> => {
    const out = await deps.run('netsh', ['wlan', 'show', 'networks', 'mode=bssid'], { timeoutMs: deps.timeoutMs ?? 15000, env: cLocale(deps.env) })
    const text = `${out.stdout}\n${out.stderr}`
    const refusal = netshLocationRefusal(text)
    if (refusal) return { ok: false, error: refusal }
    if (!out.ok) {
      if (out.kind === 'missing') return { ok: false, error: toolMissing('netsh', 'netsh ships with Windows: check that C:\\Windows\\System32 is on PATH') }
      if (/wlansvc|Wireless AutoConfig|WLAN AutoConfig/i.test(text)) {
        return { ok: false, error: scanFailed('netsh', 'the WLAN AutoConfig service (wlansvc) is not running', ['Start it: Services → WLAN AutoConfig → Start (or run `net start wlansvc` as administrator).', 'Then start the scan again.']) }
      }
      if (/no wireless interface/i.test(text)) return { ok: false, error: noAdapter('netsh: there is no wireless interface on the system') }
      return { ok: false, error: commandFailed('netsh', out) }
    }
    const r = parseNetsh(out.stdout)
    if (r.observations.length === 0 && /no wireless interface/i.test(text)) return { ok: false, error: noAdapter('netsh: there is no wireless interface on the system') }
    return { ok: true, ...r }
  }
  return { name: 'Windows (netsh)', minIntervalMs: MIN_INTERVAL_MS, scan }
}
