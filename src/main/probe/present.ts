/**
 * How a probe run is shown outside the app: the JSON shape of `wc-survey probe --json` and the
 * terminal table (ordering, counts and rules come from the shared probe views).
 */
import type { ProbeContext, ProbeResult, ProbeRun } from '../../shared/model/probe'
import { countOutcomes, failuresFirst, rulesToAdd, type RuleToAdd } from '../../shared/model/probe-views'

/** The `--json` document: `context`, `results` with exactly the keys, then `rules`. */
export function toJsonReport(run: ProbeRun): {
  context: ProbeContext
  results: Pick<ProbeResult, 'requirement' | 'host' | 'protocol' | 'port' | 'outcome' | 'kind' | 'latencyMs' | 'detail'>[]
  rules: RuleToAdd[]
  cancelled: boolean
} {
  return {
    context: run.context,
    results: run.results.map((r) => ({
      requirement: r.requirement,
      host: r.host,
      protocol: r.protocol,
      port: r.port,
      outcome: r.outcome,
      kind: r.kind,
      latencyMs: r.latencyMs,
      detail: r.detail
    })),
    rules: rulesToAdd(run.results),
    cancelled: run.cancelled
  }
}

export interface TextOptions {
  readonly color: boolean
  /** Terminal width; details are cut to fit. */
  readonly width: number
}

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const

/** The terminal report: context, warnings, one row per check (failures first), the rules. */
export function toText(run: ProbeRun, options: TextOptions): string {
  const paint = (code: keyof typeof CODES, text: string) => (options.color ? `\u001b[${CODES[code]}m${text}\u001b[0m` : text)
  const c = run.context
  const lines: string[] = []
  lines.push(paint('bold', 'Firewall probe (NET-DNS, NET-NTP, NET-HTTP, NET-TLS, NET-DOMAINS, WIFI-PORTAL)'))
  lines.push(
    `Interface ${c.interface ?? 'unknown'} · Wi-Fi ${c.ssid === null ? 'unknown' : JSON.stringify(c.ssid)} · address ${c.localIp ?? 'unknown'} · gateway ${c.gateway ?? 'unknown'} · DNS ${c.dnsServers.join(', ') || 'none'}`
  )
  for (const w of c.warnings) lines.push(paint('yellow', `warning: ${w}`))
  if (run.cancelled) lines.push(paint('yellow', 'The run was cancelled: unfinished checks are "not-run".'))
  lines.push('')
  const sorted = failuresFirst(run.results)
  const rows = sorted.map((r) => [
    r.outcome === 'fail' ? 'FAIL' : r.outcome === 'pass' ? 'pass' : 'not run',
    r.requirement,
    `${r.protocol.toUpperCase()} ${r.port}`,
    r.host,
    r.kind ?? '',
    r.latencyMs === null ? '' : `${r.latencyMs} ms`,
    r.detail
  ])
  const header = ['result', 'requirement', 'check', 'host', 'kind', 'latency', 'detail']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (i === 6 ? 0 : (row[i] ?? '').length))))
  const fixed = widths.slice(0, 6).reduce((a, b) => a + b + 2, 0)
  const detailWidth = Math.max(20, options.width - fixed)
  const fmt = (row: readonly string[]) =>
    row.map((cell, i) => (i === 6 ? cut(cell, detailWidth) : cell.padEnd(widths[i] ?? 0))).join('  ')
  lines.push(paint('dim', fmt(header)))
  rows.forEach((row, i) => {
    const text = fmt(row)
    lines.push(row[0] === 'FAIL' ? paint('red', text) : row[0] === 'pass' ? paint('green', text) : paint('yellow', text))
    const rule = sorted[i]?.rule
    if (rule) lines.push(`        ${paint('bold', '→ add:')} ${rule}`)
  })
  const rules = rulesToAdd(run.results)
  const counts = countOutcomes(run.results)
  lines.push('')
  lines.push(`${counts.pass} passed, ${counts.fail} failed, ${counts.notRun} not run, of ${run.results.length} checks.`)
  if (rules.length > 0) {
    lines.push('')
    lines.push(paint('bold', 'Rules to add:'))
    for (const r of rules) lines.push(`  ${paint('red', r.requirement)}  ${r.rule}  (${r.checks.length} check${r.checks.length === 1 ? '' : 's'})`)
  }
  return `${lines.join('\n')}\n`
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`
}
