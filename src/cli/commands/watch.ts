/**
 * `wc-survey watch --ssid NAME --duration 10m [--no-probe] [--json]`: the app's "Watch this
 * stall" in a terminal, on the same engine with the system scanner (or WC_SURVEY_SCANNER=replay).
 * Progress goes to stderr; the summary to stdout. Ctrl-C ends the watch cleanly with the summary
 * so far (a second Ctrl-C quits at once). Exit 0 when WIFI-STABLE passes, 1 otherwise, 2 on a
 * usage error.
 */
import { randomUUID } from 'node:crypto'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Finding } from '../../shared/model/finding'
import type { WatchRecord } from '../../shared/model/watch'
import { PROFILE } from '../../shared/requirements/profile'
import { ruleStability } from '../../shared/requirements/stability-rule'
import { DEFAULT_CHECK_EVERY_MS, remainingMs } from '../../shared/watch/record'
import { summarizeWatch, watchClock, type WatchSummary } from '../../shared/watch/summary'
import { systemProbeDeps } from '../../main/probe/handlers'
import { probeLightCheck } from '../../main/watch/light-check'
import { startWatch, type WatchChange } from '../../main/watch/watch-engine'
import { abortableSleep } from '../../main/wifi/scan-service'
import { selectScanner } from '../../main/wifi/scanners'
import { MIN_INTERVAL_MS } from '../../main/wifi/scanners/scanner'
import { jsonTerminalSafe, terminalSafe } from '../../shared/text/terminal-safe'
import { findProjectRoot } from './serve'
import { commandLineParser, readCommandLine, type ParsedCommandLine } from '../command-line'

const usage = `Usage: wc-survey watch --ssid NAME --duration D [--interval S] [--check-every S] [--no-probe] [--json]

Watches one network from where this computer stands (dwell monitoring): scans at the scan
interval for the whole duration and, every --check-every seconds, runs a light connectivity check
(one DNS lookup of a charger host, TLS on TCP 443, one NTP exchange). Then judges WIFI-STABLE.

  --ssid NAME        the chargers' network (exact name)
  --duration D       how long: 90s, 10m, 2h (10 s to 12 h)
  --interval S       seconds between scan starts (default: as fast as the scanner allows, ≥ ${MIN_INTERVAL_MS / 1000})
  --check-every S    seconds between connectivity checks (default ${DEFAULT_CHECK_EVERY_MS / 1000})
  --no-probe         scan only, no connectivity checks
  --json             print the summary as JSON

Progress goes to stderr. Ctrl-C stops early and prints the summary so far.
Exit status: 0 when WIFI-STABLE passes, 1 otherwise, 2 on a usage error.
`

interface Options {
  ssid: string
  durationMs: number
  intervalMs: number | null
  checkEveryMs: number
  probe: boolean
  json: boolean
}

/** "90s", "10m", "2h", "1.5h" → ms; null when not a duration. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)(s|m|h)$/.exec(text.trim())
  if (!m) return null
  const unit = { s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 's' | 'm' | 'h'] // the regex allows these three only
  return Math.round(Number(m[1]) * unit)
}

const OPTIONS = {
  ssid: { type: 'string' },
  duration: { type: 'string' },
  interval: { type: 'string' },
  'check-every': { type: 'string' },
  'no-probe': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false }
} as const

/** Seconds from `min` to 3600 as milliseconds, or null. */
function secondsOption(text: string, min: number): number | null {
  const seconds = Number(text)
  return Number.isFinite(seconds) && seconds >= min && seconds <= 3600 ? Math.round(seconds * 1000) : null
}

function toOptions({ values, positionals }: ParsedCommandLine<typeof OPTIONS>): Options | string {
  if (positionals[0] !== undefined) return `unexpected argument '${positionals[0]}'`
  const { ssid, duration, interval } = values
  if (ssid === undefined) return '--ssid is required'
  if (ssid === '') return '--ssid needs the network name'
  if (duration === undefined) return '--duration is required'
  const durationMs = parseDuration(duration)
  if (durationMs === null || durationMs < 10_000 || durationMs > 12 * 3_600_000) return '--duration needs a time from 10s to 12h, e.g. 90s, 10m, 2h'
  const intervalMs = interval === undefined ? null : secondsOption(interval, MIN_INTERVAL_MS / 1000)
  if (interval !== undefined && intervalMs === null) return `--interval needs a number of seconds from ${MIN_INTERVAL_MS / 1000} to 3600`
  const checkEvery = values['check-every']
  const checkEveryMs = checkEvery === undefined ? DEFAULT_CHECK_EVERY_MS : secondsOption(checkEvery, 5)
  if (checkEveryMs === null) return '--check-every needs a number of seconds from 5 to 3600'
  return { ssid, durationMs, intervalMs, checkEveryMs, probe: !values['no-probe'], json: values.json }
}

/** The summary printed on stdout with --json: the issue's exact shape. */
export function summaryJson(s: WatchSummary, f: Finding): object {
  return {
    samples: s.samples,
    durationS: s.durationS,
    target: { ssid: s.ssid, minDbm: s.minDbm, p5Dbm: s.p5Dbm, medianDbm: s.medianDbm, missingShare: s.missingShare, belowFailShare: s.belowFailShare, drops: s.drops },
    checks: { run: s.checksRun, failed: s.checksFailed },
    finding: { requirement: f.requirement, result: f.result }
  }
}

function clock(ms: number): string {
  const s = Math.round(ms / 1000)
  const h = Math.floor(s / 3600)
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0')
  const ss = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

function progressLine(r: WatchRecord): string {
  const last = r.samples[r.samples.length - 1]
  const best = last?.best == null ? 'not heard' : `${last.bss.find((b) => b.bssid === last.best)?.dbm ?? '?'} dBm (${last.best})`
  const checks = r.checkEveryMs > 0 ? ` · checks ${r.checksRun} (${r.checksFailed} failed)` : ''
  return `${clock(r.watchedMs)} / ${clock(r.plannedMs)} (${clock(remainingMs(r))} left) · ${r.scans} scans · best ${best} · drops ${r.drops}${checks}`
}

function textSummary(s: WatchSummary, f: Finding): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`
  const v = (x: number | null) => (x === null ? 'n/a' : `${x} dBm`)
  return [
    `WIFI-STABLE ${f.result.toUpperCase()} — "${terminalSafe(s.ssid)}", ${s.samples} scans over ${clock(s.durationS * 1000)}`,
    `  signal (best 2.4 GHz BSS): min ${v(s.minDbm)}, p5 ${v(s.p5Dbm)}, median ${v(s.medianDbm)}`,
    `  not heard ${pct(s.missingShare)}, below fail threshold ${pct(s.belowFailShare)}, below pass level ${pct(s.belowPassShare)}`,
    `  drops ${s.drops}, roams ${s.roams}, connectivity checks ${s.checksRun} run / ${s.checksFailed} failed`,
    ...s.failedChecks.slice(0, 20).map((c) => `    ${watchClock(c.t)} ${terminalSafe(c.detail)}`),
    `  ${terminalSafe(f.explanation)}`,
    f.remediation === '' ? '' : `  → ${terminalSafe(f.remediation)}`,
    ''
  ]
    .filter((l, i, all) => l !== '' || i === all.length - 1)
    .join('\n')
}

const parseOptions = commandLineParser(OPTIONS, toOptions)

/** Runs the watch; resolves to the exit code. */
export async function run(args: readonly string[]): Promise<number> {
  const line = readCommandLine('watch', args, usage, parseOptions)
  if (!line.ok) return line.code
  const options = line.options
  const root = findProjectRoot(dirname(fileURLToPath(import.meta.url)))
  const scanner = selectScanner({ platform: process.platform, env: process.env, assetsDir: join(root, 'assets') })
  const intervalMs = Math.max(MIN_INTERVAL_MS, scanner.minIntervalMs, options.intervalMs ?? 0)
  const tty = process.stderr.isTTY === true
  const clear = tty ? '\r\u001b[K' : ''
  process.stderr.write(`watching "${terminalSafe(options.ssid)}" for ${clock(options.durationMs)} with ${terminalSafe(scanner.name)}, a scan every ${intervalMs / 1000} s${options.probe ? `, a connectivity check every ${options.checkEveryMs / 1000} s` : ''}\n`)
  let printed = 0
  const handle = startWatch(
    { scanner, now: Date.now, sleep: abortableSleep, check: options.probe ? probeLightCheck(systemProbeDeps(process.platform)) : null },
    { id: randomUUID(), ssid: options.ssid, durationMs: options.durationMs, intervalMs, checkEveryMs: options.checkEveryMs },
    (record: WatchRecord, change: WatchChange, error) => {
      if (change === 'scan-error' && error) process.stderr.write(`${clear}scan failed: ${terminalSafe(error.message)}\n`)
      // New timeline events (drops, roams, co-channel newcomers, failed checks): one line each.
      for (const e of record.events.slice(printed)) process.stderr.write(`${clear}${watchClock(e.t)} ${e.kind}: ${terminalSafe(e.detail)}\n`)
      printed = record.events.length
      if (change === 'scan' && (tty || record.scans % 10 === 0)) process.stderr.write(tty ? `${clear}${progressLine(record)}` : `${progressLine(record)}\n`)
    }
  )
  let interrupts = 0
  const onInterrupt = () => {
    interrupts += 1
    if (interrupts > 1) process.exit(130)
    process.stderr.write(`${clear}stopping (Ctrl-C again to quit at once)…\n`)
    void handle.stop()
  }
  process.on('SIGINT', onInterrupt)
  try {
    const record = await handle.done
    process.stderr.write(tty ? clear : '')
    const summary = summarizeWatch(record, PROFILE.parameters.signal)
    const finding = ruleStability(record, PROFILE.parameters)
    process.stdout.write(options.json ? `${jsonTerminalSafe(JSON.stringify(summaryJson(summary, finding), null, 2))}\n` : textSummary(summary, finding))
    return finding.result === 'pass' ? 0 : 1
  } finally {
    process.removeListener('SIGINT', onInterrupt)
  }
}
