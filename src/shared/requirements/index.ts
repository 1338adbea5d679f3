/**
 * The compliance engine's public face (placeholder signatures: the compliance issue fills them in).
 */
import type { Observation } from '../model/observation'
import type { Finding, VerdictWithReason } from '../model/finding'
import type { ProbeRun } from '../model/probe'
import type { BillingMode, Survey } from '../model/survey'

export interface EvaluationInput {
  readonly observations: readonly Observation[]
  readonly targetSsid: string
  readonly billingMode: BillingMode
  /** The location's firewall probe run, when one was taken; connectivity findings come from it. */
  readonly probe: ProbeRun | null
}

export const PROFILE_ID = 'wall-connector-network'
export const PROFILE_VERSION = '0.0.0'

/** Judges every requirement for the target SSID at one location. */
export function evaluateLocation(_input: EvaluationInput): readonly Finding[] {
  return []
}

/** A location's verdict from its latest findings; null findings (never measured) is incomplete. */
export function locationVerdict(_findings: readonly Finding[] | null): VerdictWithReason {
  return { verdict: 'incomplete', reason: 'Not judged yet.' }
}

/** The survey's verdict across all its locations. */
export function surveyVerdict(_survey: Survey): VerdictWithReason {
  return { verdict: 'incomplete', reason: 'Not judged yet.' }
}
