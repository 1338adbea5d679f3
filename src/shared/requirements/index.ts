/**
 * The compliance engine's public face: judge every requirement at a location, and give verdicts.
 *
 * Pure functions over the shared model (no I/O): the renderer, main, the CLI and the report all
 * call the same code.
 */
import type { Observation } from '../model/observation'
import type { Finding, VerdictWithReason } from '../model/finding'
import type { ProbeRun } from '../model/probe'
import type { BillingMode, Measurement, Survey, SurveyLocation } from '../model/survey'
import { groupBss } from './bss'
import { evaluateConnectivity, type ProbeOrigin } from './connectivity-rules'
import { JUDGED_REQUIREMENTS, PROFILE, PROFILE_VERSION, type RequirementProfile } from './profile'
import { combineLocationVerdicts, locationVerdict } from './verdict'
import { evaluateWifi, wifiContext } from './wifi-rules'

export { PROFILE, PROFILE_ID, PROFILE_VERSION, JUDGED_REQUIREMENTS, requirementById } from './profile'
export type { Requirement, RequirementProfile, RequirementSeverity, RequirementSource, RequiredDomain, ProfileParameters, SignalParameters } from './profile'
export { locationVerdict, combineLocationVerdicts } from './verdict'
export { groupBss, bandOf, type Bss } from './bss'
export { hostMatches, type ProbeOrigin } from './connectivity-rules'

export interface EvaluationInput {
  readonly observations: readonly Observation[]
  readonly targetSsid: string
  readonly billingMode: BillingMode
  /** The location's firewall probe run, when one was taken; connectivity findings come from it. */
  readonly probe: ProbeRun | null
  /** Set when `probe` was taken at another location of the survey (the evidence says where). */
  readonly probeOrigin?: ProbeOrigin | null
  /** A probe run taken while connected to Tesla-Charging-Access at this location (SITE-PHONE internet check). */
  readonly phoneProbe?: ProbeRun | null
  /** Profile to judge with; the current PROFILE when omitted. */
  readonly profile?: RequirementProfile
}

/**
 * Judges every requirement for the target SSID at one location.
 *
 * Returns one finding per ID of JUDGED_REQUIREMENTS, in that order: the Wi-Fi rules from the
 * observations, SITE-PHONE, and the connectivity findings from the probe run weighted by billing mode.
 */
export function evaluateLocation(input: EvaluationInput): readonly Finding[] {
  const params = (input.profile ?? PROFILE).parameters
  const wifi = evaluateWifi(wifiContext(groupBss(input.observations), input.targetSsid, params), input.phoneProbe ?? null)
  const net = evaluateConnectivity({
    probe: input.probe,
    billingMode: input.billingMode,
    targetSsid: input.targetSsid,
    params,
    origin: input.probeOrigin ?? null
  })
  const byId = new Map([...wifi, ...net].map((f) => [f.requirement, f]))
  return JUDGED_REQUIREMENTS.flatMap((id) => {
    const f = byId.get(id)
    return f === undefined ? [] : [f]
  })
}

/** Has this measurement a Wi-Fi snapshot (a probe-only measurement has none)? */
function hasScan(m: Measurement): boolean {
  return m.scanCount > 0 || m.observations.length > 0
}

/** The latest measurement with a Wi-Fi snapshot: the one that counts for the location. */
export function latestMeasurement(location: SurveyLocation): Measurement | null {
  for (let i = location.measurements.length - 1; i >= 0; i--) {
    const m = location.measurements[i]
    if (m !== undefined && hasScan(m)) return m
  }
  return null
}

/** Newest first: the probe runs of a location's measurements. */
function probesOf(location: SurveyLocation): ProbeRun[] {
  return location.measurements.flatMap((m) => (m.probe === null ? [] : [m.probe])).reverse()
}

/**
 * The probe run that counts for a location's connectivity findings: its own latest run on the
 * target network (or on a network the probe could not name), else the latest such run anywhere in
 * the survey (the firewall belongs to the network, not to the stall); runs on the drivers'
 * Tesla-Charging-Access network never count here (see phoneProbeFor). When only runs on another
 * network exist, the location's latest is returned so the findings can say so. Null: none taken.
 */
export function probeFor(survey: Survey, location: SurveyLocation): { probe: ProbeRun; origin: ProbeOrigin | null } | null {
  const phone = PROFILE.parameters.phoneSsid
  const usable = (p: ProbeRun): boolean => p.context.ssid !== phone
  const onTarget = (p: ProbeRun): boolean => p.context.ssid === null || p.context.ssid === survey.targetSsid
  const own = probesOf(location).filter(usable)
  const ownOnTarget = own.find(onTarget)
  if (ownOnTarget) return { probe: ownOnTarget, origin: null }
  let best: { probe: ProbeRun; origin: ProbeOrigin } | null = null
  for (const other of survey.locations) {
    if (other.id === location.id) continue
    for (const p of probesOf(other)) {
      if (!usable(p) || !onTarget(p)) continue
      if (best === null || p.startedAt > best.probe.startedAt) best = { probe: p, origin: { locationName: other.name } }
    }
  }
  if (best) return best
  const ownOther = own[0]
  return ownOther ? { probe: ownOther, origin: null } : null
}

/** The location's latest probe run taken while connected to the drivers' Tesla-Charging-Access network (SITE-PHONE). */
export function phoneProbeFor(location: SurveyLocation): ProbeRun | null {
  return probesOf(location).find((p) => p.context.ssid === PROFILE.parameters.phoneSsid) ?? null
}

/** One location of a judged survey. */
export interface LocationJudgement {
  readonly location: SurveyLocation
  /** The measurement judged (latest with a Wi-Fi snapshot); null when never measured. */
  readonly measurement: Measurement | null
  /** Findings re-judged with the current profile; null when never measured. */
  readonly findings: readonly Finding[] | null
  readonly verdict: VerdictWithReason
}

/** A whole survey judged with the current profile. */
export interface SurveyJudgement extends VerdictWithReason {
  readonly profileVersion: string
  readonly locations: readonly LocationJudgement[]
}

/**
 * Re-judges a stored measurement with the current profile (its observations, and the probe run that
 * counts for the location), so old surveys and probe runs added later are judged consistently.
 */
export function reevaluateMeasurement(survey: Survey, location: SurveyLocation, measurement: Measurement): readonly Finding[] {
  const p = probeFor(survey, location)
  return evaluateLocation({
    observations: measurement.observations,
    targetSsid: survey.targetSsid,
    billingMode: survey.site.billingMode,
    probe: p?.probe ?? null,
    probeOrigin: p?.origin ?? null,
    phoneProbe: phoneProbeFor(location)
  })
}

/**
 * Judges every location's latest measurement with the current profile (stored findings stay in
 * the file as the record of what was shown when measuring) and gives the survey's verdict.
 */
export function judgeSurvey(survey: Survey): SurveyJudgement {
  const locations = survey.locations.map((location): LocationJudgement => {
    const measurement = latestMeasurement(location)
    if (survey.targetSsid.trim() === '') {
      return { location, measurement, findings: null, verdict: { verdict: 'incomplete', reason: 'No target network set: enter the chargers\' SSID in the survey.' } }
    }
    const findings = measurement === null ? null : reevaluateMeasurement(survey, location, measurement)
    return { location, measurement, findings, verdict: locationVerdict(findings) }
  })
  const overall: VerdictWithReason =
    survey.targetSsid.trim() === '' && locations.length > 0
      ? { verdict: 'incomplete', reason: 'No target network set: enter the chargers\' SSID in the survey.' }
      : combineLocationVerdicts(locations.map((l) => ({ name: l.location.name, findings: l.findings })))
  return { ...overall, profileVersion: PROFILE_VERSION, locations }
}

/** The survey's verdict across all its locations (latest measurement of each, current profile). */
export function surveyVerdict(survey: Survey): VerdictWithReason {
  const { verdict, reason } = judgeSurvey(survey)
  return { verdict, reason }
}
