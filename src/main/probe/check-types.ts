/**
 * What one check gets and gives back; the runner turns it into a ProbeResult with the
 * requirement, the rule to add and the wildcard note.
 */
import type { ProbeFailureKind } from '../../shared/model/probe'

/** The check's own verdict, before the runner adds requirement, rule and wildcard. */
export type CheckOutcome =
  | { readonly outcome: 'pass'; readonly kind: null; readonly latencyMs: number; readonly detail: string }
  | { readonly outcome: 'fail'; readonly kind: ProbeFailureKind; readonly latencyMs: number | null; readonly detail: string }
  | { readonly outcome: 'not-run'; readonly kind: null; readonly latencyMs: null; readonly detail: string }

/** A passing outcome. */
export function passed(latencyMs: number, detail: string): CheckOutcome {
  return { outcome: 'pass', kind: null, latencyMs: Math.round(latencyMs), detail }
}

/** A failing outcome of a given kind. */
export function failed(kind: ProbeFailureKind, detail: string, latencyMs: number | null = null): CheckOutcome {
  return { outcome: 'fail', kind, latencyMs: latencyMs === null ? null : Math.round(latencyMs), detail }
}

/** A check that could not run, with why. */
export function notRun(detail: string): CheckOutcome {
  return { outcome: 'not-run', kind: null, latencyMs: null, detail }
}

/** True when the signal fired because the check's own time ran out (not a cancel). */
export function timedOut(signal: AbortSignal): boolean {
  const reason: unknown = signal.reason
  return reason instanceof Error && reason.name === 'TimeoutError'
}

/** Milliseconds since `start` (performance.now()). */
export function since(start: number): number {
  return performance.now() - start
}
