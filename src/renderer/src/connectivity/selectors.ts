/**
 * Pure views of probe results for the Connectivity page only: the wildcards and the latency
 * chart's rows (failures first, counts and rules to add are in shared/model/probe-views).
 */
import type { ProbeResult } from '../../../shared/model/probe'

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
