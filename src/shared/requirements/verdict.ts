/**
 * Verdicts: a location's from its findings, and the survey's from its locations.
 */
import { knownRequirement, type Finding, type StoredRequirementId, type VerdictWithReason } from '../model/finding'
import { WRITTEN_BY_NEWER } from '../model/newer-names'
import { groupedClauses, type ItemsAtLocation } from './headline'

function ids(findings: readonly Finding[]): string {
  return [...new Set(findings.map((f) => f.requirement))].join(', ')
}

/**
 * A location's verdict from its latest findings; null findings (never measured) is incomplete.
 *
 * Any fail → not-ready; else any unknown → incomplete (unknown is never a pass); else any warn →
 * ready-with-warnings; else ready. The reason names the requirement IDs that decided.
 */
export function locationVerdict(findings: readonly Finding[] | null): VerdictWithReason {
  if (findings === null) return { verdict: 'incomplete', reason: 'Not measured yet: take a measurement at this location.' }
  if (findings.length === 0) return { verdict: 'incomplete', reason: 'No findings: measure this location again.' }
  const fails = findings.filter((f) => f.result === 'fail')
  if (fails.length > 0) return { verdict: 'not-ready', reason: `Not ready: ${ids(fails)} failed.` }
  const unknown = findings.filter((f) => f.result === 'unknown')
  if (unknown.length > 0) {
    // A requirement only a newer version knows cannot be verified here: say where it can be.
    const own = unknown.filter((f) => knownRequirement(f.requirement) !== null)
    const newer = unknown.filter((f) => knownRequirement(f.requirement) === null)
    const parts = [
      own.length > 0 ? `${ids(own)} — verify on the access point or measure again` : '',
      newer.length > 0 ? `${ids(newer)} ${WRITTEN_BY_NEWER} — open the survey in that version` : ''
    ].filter((p) => p.length > 0)
    return { verdict: 'incomplete', reason: `Unknown: ${parts.join('; ')}.` }
  }
  const warns = findings.filter((f) => f.result === 'warn')
  if (warns.length > 0) return { verdict: 'ready-with-warnings', reason: `Ready, with warnings: ${ids(warns)}.` }
  return { verdict: 'ready', reason: `Ready: all ${findings.length} requirements pass.` }
}

/** One location's judgement, as the survey verdict sees it. */
export interface LocationVerdictInput {
  readonly name: string
  /** Null when the location has no measurement. */
  readonly findings: readonly Finding[] | null
}

function failedIds(findings: readonly Finding[] | null, result: Finding['result']): StoredRequirementId[] {
  return [...new Set((findings ?? []).filter((f) => f.result === result).map((f) => f.requirement))]
}

/** Each location with the requirement IDs that had `result` there (locations without any left out). */
function withResult(list: readonly { name: string; findings: readonly Finding[] | null }[], result: Finding['result']): ItemsAtLocation[] {
  return list.map((l) => ({ location: l.name, items: failedIds(l.findings, result) })).filter((e) => e.items.length > 0)
}

/**
 * The survey's verdict from its locations' findings; the same requirement at several locations is
 * said once with where (headline.ts).
 *
 * e.g. "2 of 5 locations not ready: WIFI-WIDTH at Level P2 – stall 14; WIFI-SIGNAL at Level P3 – stall 2",
 * "All 6 locations not ready: WIFI-WIDTH at all 6 locations; WIFI-SIGNAL at Level P3 – stall 2".
 */
export function combineLocationVerdicts(locations: readonly LocationVerdictInput[]): VerdictWithReason {
  const n = locations.length
  if (n === 0) return { verdict: 'incomplete', reason: 'No locations yet: add the planned charger locations and measure each.' }
  const judged = locations.map((l) => ({ ...l, v: locationVerdict(l.findings) }))
  const notReady = judged.filter((l) => l.v.verdict === 'not-ready')
  const incomplete = judged.filter((l) => l.v.verdict === 'incomplete')
  const warned = judged.filter((l) => l.v.verdict === 'ready-with-warnings')
  // "not measured yet at A and B; WIFI-WIDTH unknown at all 6 locations"
  const incompleteText = (list: typeof judged): string => {
    const unmeasured = list.filter((l) => l.findings === null).map((l) => ({ location: l.name, items: ['not measured yet'] }))
    return [groupedClauses(unmeasured, n), groupedClauses(withResult(list, 'unknown'), n, ' unknown')].filter((t) => t !== '').join('; ')
  }
  const locs = (k: number): string => `location${k === 1 ? '' : 's'}`
  if (notReady.length > 0) {
    const detail = groupedClauses(withResult(notReady, 'fail'), n)
    const more = incomplete.length > 0 ? ` (also incomplete: ${incompleteText(incomplete)})` : ''
    const howMany = notReady.length === n && n > 1 ? `All ${n} locations` : `${notReady.length} of ${n} ${locs(n)}`
    return { verdict: 'not-ready', reason: `${howMany} not ready: ${detail}${more}.` }
  }
  if (incomplete.length > 0) {
    return { verdict: 'incomplete', reason: `${incomplete.length} of ${n} ${locs(n)} incomplete: ${incompleteText(incomplete)}.` }
  }
  if (warned.length > 0) {
    return { verdict: 'ready-with-warnings', reason: `All ${n} ${locs(n)} ready; ${warned.length} with warnings: ${groupedClauses(withResult(warned, 'warn'), n)}.` }
  }
  return { verdict: 'ready', reason: `All ${n} ${locs(n)} ready: every requirement passes.` }
}
