/**
 * Small helpers every rule uses to build findings and to combine per-BSS results.
 */
import type { Finding, FindingResult, RequirementId } from '../model/finding'
import type { SignalParameters } from './profile'

/**
 * Builds a finding; `remediation` is emptied for a pass (nothing to do). `step`: the remediation
 * is the technician's survey step rather than a change to the network — by default an unknown's
 * (verify, measure again), and a rule says so where a warning only asks for a check.
 */
export function finding(
  requirement: RequirementId,
  result: FindingResult,
  evidence: string,
  bssids: readonly string[],
  explanation: string,
  remediation: string,
  step: boolean = result === 'unknown'
): Finding {
  const base = { requirement, result, evidence, bssids: [...bssids], explanation, remediation: result === 'pass' ? '' : remediation }
  return step && result !== 'pass' ? { ...base, step: true } : base
}

/** The finding as a survey file stores it: the schema's fields only (`step` is judged afresh). */
export function storedFinding(f: Finding): Finding {
  return { requirement: f.requirement, result: f.result, evidence: f.evidence, bssids: f.bssids, explanation: f.explanation, remediation: f.remediation }
}

/** Badness order: a location is as bad as its worst finding; unknown is worse than warn (never a pass). */
export const RESULT_RANK: Readonly<Record<FindingResult, number>> = { pass: 0, warn: 1, unknown: 2, fail: 3 }

/** The worst of several results; `pass` for an empty list (callers handle "nothing to judge" first). */
export function worst(results: readonly FindingResult[]): FindingResult {
  let w: FindingResult = 'pass'
  for (const r of results) if (RESULT_RANK[r] > RESULT_RANK[w]) w = r
  return w
}

/** Joins evidence parts into one line. */
export function joinEvidence(parts: readonly string[]): string {
  return parts.filter((p) => p.length > 0).join('; ')
}

/** Formats a dBm value for evidence (integers stay integers). */
export function dbm(v: number): string {
  return `${Number.isInteger(v) ? v : v.toFixed(1)} dBm`
}

/** A signal level (dBm) against the WIFI-SIGNAL thresholds: pass at or above passDbm, warn down to warnDbm, fail below. */
export function signalLevelResult(levelDbm: number, thresholds: Pick<SignalParameters, 'passDbm' | 'warnDbm'>): FindingResult {
  return levelDbm >= thresholds.passDbm ? 'pass' : levelDbm >= thresholds.warnDbm ? 'warn' : 'fail'
}
