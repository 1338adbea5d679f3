/**
 * `wc-survey charger HOST[:PORT] [--ssid NAME] [--billing billed|free] [--json]`: reads an installed
 * Wall Connector's own view of the network (its local HTTP API) and judges WC-ONLINE, WC-NETWORK
 * and WC-SIGNAL. Exit 0 online, 1 reachable with a problem, 2 unreachable / no readable answer or a
 * usage error: always with a clear message, never a stack trace, within the timeout.
 */
import { readCharger, DEFAULT_CHARGER_TIMEOUT_MS } from '../../main/charger/charger-client'
import { formatTarget, parseChargerTarget } from '../../main/charger/charger-target'
import { evseStateText, hasReadableAnswer, type ChargerReading } from '../../shared/model/charger'
import type { Finding } from '../../shared/model/finding'
import type { BillingMode } from '../../shared/model/survey'
import { judgeCharger } from '../../shared/requirements/charger-rules'
import { PROFILE } from '../../shared/requirements/profile'
import { jsonTerminalSafe, terminalSafe } from '../../shared/text/terminal-safe'
import { commandLineParser, readCommandLine, type ParsedCommandLine } from '../command-line'

const usage = `Usage: wc-survey charger HOST[:PORT] [--ssid NAME] [--billing billed|free] [--json]

Reads an installed Wall Connector (Gen 3) through its local HTTP API (/api/1/version,
wifi_status, vitals, lifetime; plain HTTP, port 80 unless given) and judges what the charger
itself says: WC-ONLINE (connected and reaching its cloud), WC-NETWORK (joined NAME) and
WC-SIGNAL (its own RSSI against the WIFI-SIGNAL thresholds).

  --ssid NAME         the network the charger should be on (WC-NETWORK; not judged without it)
  --billing MODE      billed (default: WC-ONLINE problems fail) or free (they warn; SITE-BILLING)
  --timeout-ms N      per-request timeout, 200–30000 ms (default ${DEFAULT_CHARGER_TIMEOUT_MS})
  --allow-public      read a charger at a public address (only private, link-local, loopback
                      and .local addresses are read without it)
  --json              print { host, reachable, firmware, partNumber, serialNumber, webService,
                      wifi: { ssid, rssiDbm, snrDb, signalPercent, connected, internet, ip, mac },
                      evseState, evseStateText, findings: [{ requirement, result, explanation }],
                      warnings }, null wherever the charger did not say

Exit status: 0 online with no problem; 1 reachable with a problem (not connected, no internet,
another network than --ssid, weak signal); 2 unreachable, no readable answer, or a usage error.
`

/** The JSON the command prints (issue 13, item 6: exactly these keys). */
export interface ChargerReport {
  readonly host: string
  readonly reachable: boolean
  readonly firmware: string | null
  readonly partNumber: string | null
  readonly serialNumber: string | null
  readonly webService: string | null
  readonly wifi: {
    readonly ssid: string | null
    readonly rssiDbm: number | null
    readonly snrDb: number | null
    readonly signalPercent: number | null
    readonly connected: boolean | null
    readonly internet: boolean | null
    readonly ip: string | null
    readonly mac: string | null
  }
  readonly evseState: number | null
  readonly evseStateText: string | null
  readonly findings: readonly Pick<Finding, 'requirement' | 'result' | 'explanation'>[]
  readonly warnings: readonly string[]
}

export function toChargerReport(reading: ChargerReading, findings: readonly Finding[], warnings: readonly string[]): ChargerReport {
  const w = reading.wifi
  return {
    host: formatTarget(reading),
    reachable: reading.reachable,
    firmware: reading.firmware,
    partNumber: reading.partNumber,
    serialNumber: reading.serialNumber,
    webService: reading.webService,
    wifi: { ssid: w.ssid, rssiDbm: w.rssiDbm, snrDb: w.snrDb, signalPercent: w.signalPercent, connected: w.connected, internet: w.internet, ip: w.ip, mac: w.mac },
    evseState: reading.evseState,
    evseStateText: evseStateText(reading.evseState),
    findings: findings.map((f) => ({ requirement: f.requirement, result: f.result, explanation: f.explanation })),
    warnings
  }
}

/** Where the command writes; tests capture it. */
export interface ChargerIo {
  out(text: string): void
  err(text: string): void
}

const processIo: ChargerIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) }

interface Options {
  readonly target: string
  readonly ssid: string | null
  readonly billing: BillingMode
  readonly timeoutMs: number
  readonly allowPublic: boolean
  readonly json: boolean
}

const OPTIONS = {
  ssid: { type: 'string' },
  billing: { type: 'string', default: 'billed' },
  'timeout-ms': { type: 'string' },
  'allow-public': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false }
} as const

function toOptions({ values, positionals }: ParsedCommandLine<typeof OPTIONS>): Options | string {
  if (positionals.length !== 1) return positionals.length === 0 ? 'give the charger\'s address, e.g. 192.168.1.50' : 'give one charger address'
  const billing = values.billing
  if (billing !== 'billed' && billing !== 'free') return '--billing is billed or free'
  let timeoutMs = DEFAULT_CHARGER_TIMEOUT_MS
  if (values['timeout-ms'] !== undefined) {
    timeoutMs = Number(values['timeout-ms'])
    if (!Number.isInteger(timeoutMs) || timeoutMs < 200 || timeoutMs > 30000) return '--timeout-ms needs a whole number of milliseconds from 200 to 30000'
  }
  return { target: positionals[0] ?? '', ssid: values.ssid ?? null, billing, timeoutMs, allowPublic: values['allow-public'], json: values.json }
}

function show(value: string | number | boolean | null, unit = ''): string {
  return value === null ? 'not reported' : `${terminalSafe(String(value))}${unit}`
}

function toText(report: ChargerReport): string {
  const w = report.wifi
  const lines = [
    `Wall Connector ${show(report.host)}${report.serialNumber === null ? '' : ` — serial ${show(report.serialNumber)}`}`,
    `  firmware ${show(report.firmware)}, part ${show(report.partNumber)}, cloud host ${show(report.webService)}`,
    `  network "${show(w.ssid)}": RSSI ${show(w.rssiDbm, ' dBm')}, SNR ${show(w.snrDb, ' dB')}, signal ${show(w.signalPercent, ' %')}`,
    `  connected ${show(w.connected)}, internet ${show(w.internet)}, IP ${show(w.ip)}, MAC ${show(w.mac)}`,
    `  EVSE ${show(report.evseStateText)}`,
    ...report.findings.map((f) => `  ${f.requirement.padEnd(10)} ${f.result.toUpperCase().padEnd(7)} ${terminalSafe(f.explanation)}`),
    ...report.warnings.map((w2) => `  note: ${terminalSafe(w2)}`)
  ]
  return `${lines.join('\n')}\n`
}

const parseOptions = commandLineParser(OPTIONS, toOptions)

/** Runs the command; resolves to the exit code. */
export async function run(args: readonly string[], io: ChargerIo = processIo): Promise<number> {
  const line = readCommandLine('charger', args, usage, parseOptions, io)
  if (!line.ok) return line.code
  const options = line.options
  const target = parseChargerTarget(options.target)
  if (typeof target === 'string') {
    io.err(`wc-survey charger: ${terminalSafe(target)}\n`)
    return 2
  }
  const outcome = await readCharger(target, { timeoutMs: options.timeoutMs, allowPublic: options.allowPublic })
  if (!outcome.ok) {
    io.err(`wc-survey charger: ${terminalSafe(outcome.message)}${outcome.reason === 'needs-confirmation' ? ' (--allow-public reads it anyway)' : ''}\n`)
    return 2
  }
  const reading = outcome.reading
  const readable = hasReadableAnswer(reading)
  const judged = readable
    ? judgeCharger({ reading, targetSsid: options.ssid ?? '', billingMode: options.billing, params: PROFILE.parameters })
    : []
  // Without --ssid there is nothing to compare the charger's network with: not judged, and said so.
  const findings = options.ssid === null ? judged.filter((f) => f.requirement !== 'WC-NETWORK') : judged
  const warnings = [...reading.warnings, ...(readable && options.ssid === null ? ['WC-NETWORK not judged: give --ssid NAME (the chargers\' network)'] : [])]
  const report = toChargerReport(reading, findings, warnings)
  if (options.json) io.out(`${jsonTerminalSafe(JSON.stringify(report, null, 2))}\n`)
  if (!readable) {
    const why = reading.warnings.length > 0 ? reading.warnings.map((w) => `  ${terminalSafe(w)}`).join('\n') : '  no answer'
    io.err(`wc-survey charger: no readable answer from ${terminalSafe(formatTarget(target))}${reading.address !== null && reading.address !== target.host ? ` (${reading.address})` : ''}:\n${why}\n`)
    return 2
  }
  if (!options.json) io.out(toText(report))
  return findings.every((f) => f.result === 'pass') ? 0 : 1
}
