/**
 * Pure views of probe results shared by the CLI report (main) and the Connectivity page
 * (renderer): failures first, the outcome counts and the distinct rules to add.
 */
import type { ProbeResult } from './probe'

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
