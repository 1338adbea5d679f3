/**
 * Pure views of probe results shared by the CLI report (main) and the Connectivity page
 * (renderer): failures first, the outcome counts and the distinct rules to add.
 */
import type { ProbeContext, ProbeResult } from './probe'

const ORDER: Record<ProbeResult['outcome'], number> = { fail: 0, 'not-run': 1, pass: 2 }

/** Failures first, then not-run, then passes; stable within each group (plan/arrival order). */
export function failuresFirst(results: readonly ProbeResult[]): ProbeResult[] {
  return results
    .map((r, i) => ({ r, i }))
    .sort((a, b) => ORDER[a.r.outcome] - ORDER[b.r.outcome] || a.i - b.i)
    .map(({ r }) => r)
}

export interface OutcomeCounts {
  readonly pass: number
  readonly fail: number
  readonly notRun: number
}

/** How many checks passed, failed and could not run. */
export function countOutcomes(results: readonly ProbeResult[]): OutcomeCounts {
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

export interface RuleToAdd {
  readonly requirement: ProbeResult['requirement']
  readonly rule: string
  /** The checks this rule fixes, as "protocol host". */
  readonly checks: readonly string[]
}

/** The distinct rules the failures call for, each with its requirement and the checks it fixes. */
export function rulesToAdd(results: readonly ProbeResult[]): RuleToAdd[] {
  const byRule = new Map<string, { requirement: ProbeResult['requirement']; checks: string[] }>()
  for (const r of results) {
    if (r.outcome !== 'fail' || r.rule === '') continue
    const entry = byRule.get(r.rule) ?? { requirement: r.requirement, checks: [] }
    entry.checks.push(`${r.protocol} ${r.host}`)
    byRule.set(r.rule, entry)
  }
  return [...byRule].map(([rule, e]) => ({ requirement: e.requirement, rule, checks: e.checks }))
}

/** One headline for a run in which nothing got through, instead of a row per check. */
export interface NothingReached {
  readonly title: string
  /** Why, as far as the network context tells, and what to do. */
  readonly advice: string
}

/**
 * Says so when not one check of a finished run got through (none passed, some failed; the rest
 * could not run, e.g. HTTP to a name DNS could not resolve): the laptop is offline, has no route
 * out, no DNS, or the network blocks everything. Null when anything passed, when nothing failed
 * (a run cancelled before any check ended), or when there are no results.
 */
export function nothingReached(results: readonly ProbeResult[], context: ProbeContext | null, targetSsid: string): NothingReached | null {
  if (results.some((r) => r.outcome === 'pass') || !results.some((r) => r.outcome === 'fail')) return null
  const join = targetSsid === '' ? "the chargers' Wi-Fi network" : `"${targetSsid}"`
  const title = `Nothing could be reached: none of the ${results.length} checks got through`
  if (context?.localIp === null || context === null) {
    return { title, advice: `This computer has no network connection (no IPv4 address). Join ${join}, wait until it has an address, then run the check again.` }
  }
  if (context.gateway === null) {
    return { title, advice: `This computer has an address (${context.localIp}) but no route out of the local network. Join ${join} (a network with internet access), then run the check again.` }
  }
  const dns = results.filter((r) => r.protocol === 'dns')
  if (context.dnsServers.length === 0 || (dns.length > 0 && dns.every((r) => r.outcome === 'fail'))) {
    return {
      title,
      advice:
        context.dnsServers.length === 0
          ? `No DNS server is configured, so no name can be looked up. Reconnect to ${join} (it should hand out a DNS server), then run the check again.`
          : `No name could be looked up (DNS through ${context.dnsServers.join(', ')} failed for every host), so nothing else could be tried. Check that ${join} has internet access; if it does, its firewall blocks DNS (UDP 53): the rules to add are in the IT handout.`
    }
  }
  return {
    title,
    advice: `The network answers locally (gateway ${context.gateway}) but nothing the chargers need gets out. Check that ${join} has internet access; if it does, its firewall blocks everything the chargers need: give IT the handout.`
  }
}
