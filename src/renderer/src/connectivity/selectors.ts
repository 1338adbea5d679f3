/**
 * Pure views of probe results for the Connectivity page: failures first, counts, the rules to
 * add, and the latency chart's rows.
 */
import type { ProbeResult } from '../../../shared/model/probe'

const ORDER: Record<ProbeResult['outcome'], number> = { fail: 0, 'not-run': 1, pass: 2 }

/** Failures first, then not-run, then passes; arrival order within each group. */
export function sortFailuresFirst(results: readonly ProbeResult[]): ProbeResult[] {
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => ORDER[a.r.outcome] - ORDER[b.r.outcome] || a.i - b.i)
    .map(({ r }) => r)
}

export interface Counts {
  readonly pass: number
  readonly fail: number
  readonly notRun: number
}

/** How many passed, failed and could not run. */
export function countOutcomes(results: readonly ProbeResult[]): Counts {
  let pass = 0
  let fail = 0
  let notRun = 0
  for (const r of results) {
    if (r.outcome === 'pass') pass += 1
    else if (r.outcome === 'fail') fail += 1
    else notRun += 1
  }
  return { pass, fail, notRun }
}

/** Distinct rules to add, with their requirement and how many checks each fixes. */
export function selectRules(results: readonly ProbeResult[]): { requirement: ProbeResult['requirement']; rule: string; count: number }[] {
  const map = new Map<string, { requirement: ProbeResult['requirement']; rule: string; count: number }>()
  for (const r of results) {
    if (r.outcome !== 'fail' || r.rule === '') continue
    const entry = map.get(r.rule) ?? { requirement: r.requirement, rule: r.rule, count: 0 }
    entry.count += 1
    map.set(r.rule, entry)
  }
  return [...map.values()]
}

/** The wildcards the results stand for. */
export function selectWildcards(results: readonly ProbeResult[]): string[] {
  return [...new Set(results.map((r) => r.wildcard).filter((w): w is string => w !== null))]
}

export interface LatencyRow {
  readonly label: string
  readonly latencyMs: number
  readonly outcome: ProbeResult['outcome']
}

/** One bar per check that measured a latency, in plan-like order (host, then protocol). */
export function selectLatencyRows(results: readonly ProbeResult[]): LatencyRow[] {
  const protocolOrder = { dns: 0, ntp: 1, http: 2, tls: 3 }
  return results
    .filter((r): r is ProbeResult & { latencyMs: number } => r.latencyMs !== null)
    .slice()
    .sort((a, b) => a.host.localeCompare(b.host) || protocolOrder[a.protocol] - protocolOrder[b.protocol])
    .map((r) => ({ label: `${r.protocol.toUpperCase()} ${shortHost(r.host)}`, latencyMs: r.latencyMs, outcome: r.outcome }))
}

/** The first label of a host name, or the whole name when it is short (chart labels). */
export function shortHost(host: string): string {
  return host.length <= 20 ? host : (host.split('.')[0] ?? host)
}
