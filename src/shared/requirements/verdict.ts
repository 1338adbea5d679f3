/**
 * Verdicts: a location's from its findings, and the survey's from its locations.
 */
import type { Finding, RequirementId, VerdictWithReason } from '../model/finding'

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
  if (unknown.length > 0) return { verdict: 'incomplete', reason: `Unknown: ${ids(unknown)} — verify on the access point or measure again.` }
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

function failedIds(findings: readonly Finding[] | null, result: Finding['result']): RequirementId[] {
  return [...new Set((findings ?? []).filter((f) => f.result === result).map((f) => f.requirement))]
}

/**
 * The survey's verdict from its locations' findings.
 *
 * e.g. "2 of 5 locations not ready: WIFI-WIDTH at Level P2 – stall 14; WIFI-SIGNAL at Level P3 – stall 2".
 */
export function combineLocationVerdicts(locations: readonly LocationVerdictInput[]): VerdictWithReason {
  const n = locations.length
  if (n === 0) return { verdict: 'incomplete', reason: 'No locations yet: add the planned charger locations and measure each.' }
  const judged = locations.map((l) => ({ ...l, v: locationVerdict(l.findings) }))
  const notReady = judged.filter((l) => l.v.verdict === 'not-ready')
  const incomplete = judged.filter((l) => l.v.verdict === 'incomplete')
  const warned = judged.filter((l) => l.v.verdict === 'ready-with-warnings')
  const incompleteText = (list: typeof judged): string =>
    list.map((l) => (l.findings === null ? `${l.name} not measured yet` : `${failedIds(l.findings, 'unknown').join(', ')} unknown at ${l.name}`)).join('; ')
  if (notReady.length > 0) {
    const detail = notReady.map((l) => `${failedIds(l.findings, 'fail').join(', ')} at ${l.name}`).join('; ')
    const more = incomplete.length > 0 ? ` (also incomplete: ${incompleteText(incomplete)})` : ''
    return { verdict: 'not-ready', reason: `${notReady.length} of ${n} location${n === 1 ? '' : 's'} not ready: ${detail}${more}.` }
  }
  if (incomplete.length > 0) {
    return { verdict: 'incomplete', reason: `${incomplete.length} of ${n} location${n === 1 ? '' : 's'} incomplete: ${incompleteText(incomplete)}.` }
  }
  if (warned.length > 0) {
    const warnIds = [...new Set(warned.flatMap((l) => failedIds(l.findings, 'warn')))].join(', ')
    return { verdict: 'ready-with-warnings', reason: `All ${n} location${n === 1 ? '' : 's'} ready; ${warned.length} with warnings: ${warnIds}.` }
  }
  return { verdict: 'ready', reason: `All ${n} location${n === 1 ? '' : 's'} ready: every requirement passes.` }
}
