/**
 * The one judgement: every finding the app, the CLI and the report show comes from
 * `judgeMeasurement(profile, evidence)`. Measuring, saving a probe run into a location, re-judging
 * for display, the history counts, `wc-survey check` and the PDF all call it; none of them picks
 * probes or profiles on its own. Pure: no I/O, no global profile.
 */
import { WRITTEN_BY_NEWER } from '../model/newer-names'
import { knownRequirement, type Finding, type RequirementId, type StoredRequirementId, type VerdictWithReason } from '../model/finding'
import { RESULT_LABEL } from './labels'
import type { Observation } from '../model/observation'
import type { ProbeRun } from '../model/probe'
import type { BillingMode, Measurement, Survey, SurveyLocation } from '../model/survey'
import { groupBss } from './bss'
import { evaluateConnectivity } from './connectivity-rules'
import { storedFinding } from './finding-kit'
import type { RequirementProfile } from './profile'
import { combineLocationVerdicts, locationVerdict } from './verdict'
import { evaluateWifi, wifiContext } from './wifi-rules'
import { ruleStability } from './stability-rule'
import type { WatchRecord } from '../model/watch'
import type { ChargerReading } from '../model/charger'
import { chargerAt, judgeCharger } from './charger-rules'
import { siteZone, type ZoneOptions } from '../text/date-time'

/** A firewall probe run taken at the location, on the chargers' network (or one it names). */
export interface NetworkProbe {
  readonly run: ProbeRun
}

/**
 * Everything a measurement is judged on. Each input beyond the snapshot is optional: a rule whose
 * input is absent says `unknown` (never a pass). A new kind of input (a charger's own report, a
 * watch over time) is a new optional field here and its rules' call in judgeMeasurement.
 */
export interface MeasurementEvidence {
  readonly targetSsid: string
  readonly billingMode: BillingMode
  /** Every BSS heard (empty for a measurement that holds only a probe run). */
  readonly observations: readonly Observation[]
  /** The run that counts for the connectivity findings (see networkProbeFor). */
  readonly networkProbe?: NetworkProbe | null
  /** A run taken while connected to the drivers' phone network: feeds SITE-PHONE, nothing else. */
  readonly phoneProbe?: ProbeRun | null
  /** The location's latest watch: feeds WIFI-STABLE, which is judged only where a stall was watched. */
  readonly watch?: WatchRecord | null
  /**
   * The findings stored with the measurement (what was shown when it was taken). Only those of a
   * requirement this build does not know are used: see newerRequirementFindings.
   */
  readonly recorded?: readonly Finding[]
  /**
   * The installed charger's own reading at this stall: feeds WC-ONLINE, WC-NETWORK and WC-SIGNAL,
   * which are judged only where a charger was read and assigned to the stall.
   */
  readonly charger?: ChargerReading | null
  /**
   * The survey's calibrated laptop-vs-charger margin (dB), in place of the profile's default for
   * every laptop reading (WIFI-SIGNAL, WIFI-STABLE); null or absent: the profile's. Never applied
   * to the charger's own RSSI (WC-SIGNAL).
   */
  readonly laptopMarginDb?: number | null
  /** The zone WIFI-STABLE's evidence gives its times in: the site's (siteZone); absent, UTC labelled "UTC". */
  readonly zone?: ZoneOptions
}

/** Was this run taken on the drivers' phone network (the profile's phoneSsid)? */
function onPhoneNetwork(profile: RequirementProfile, run: ProbeRun): boolean {
  return run.context.ssid === profile.parameters.phoneSsid
}

/** Every requirement ID the profile judges at a location, in display order. */
export function judgedRequirements(profile: RequirementProfile): RequirementId[] {
  // SITE-BILLING is no finding of its own: it weighs the connectivity findings.
  return profile.requirements.filter((r) => r.scope !== 'weighs others').map((r) => r.id)
}

/** Evidence and explanations quote at most this much of what a newer version wrote (the schema's evidence cap). */
const EVIDENCE_MAX = 4000

/**
 * One `unknown` finding per requirement a newer version of the app judged here and this build does
 * not know: named in the measurement's stored findings or in the probe run that counts. This build
 * cannot judge such a rule, so it is neither dropped (the newer version may have found a failure)
 * nor a pass: it says "unknown (written by a newer version)" and makes the location incomplete.
 */
function newerRequirementFindings(recorded: readonly Finding[], probe: ProbeRun | null): Finding[] {
  const byId = new Map<StoredRequirementId, { said: string; bssids: readonly string[] }>()
  for (const f of recorded) {
    if (knownRequirement(f.requirement) !== null || byId.has(f.requirement)) continue
    byId.set(f.requirement, { said: `the newer version recorded ${RESULT_LABEL[f.result]}: ${f.evidence}`, bssids: f.bssids })
  }
  for (const r of probe?.results ?? []) {
    if (knownRequirement(r.requirement) !== null || byId.has(r.requirement)) continue
    const checks = probe?.results.filter((c) => c.requirement === r.requirement) ?? []
    byId.set(r.requirement, { said: `${checks.length} check(s) of the connectivity run belong to it: ${checks.map((c) => `${c.protocol.toUpperCase()} ${c.host} ${c.outcome}`).join(', ')}`, bssids: [] })
  }
  return [...byId].map(([id, seen]) => ({
    requirement: id,
    result: 'unknown',
    evidence: seen.said.slice(0, EVIDENCE_MAX),
    bssids: [...seen.bssids],
    explanation: `${id} is ${WRITTEN_BY_NEWER}: this version of WC Site Survey does not know the requirement, so it cannot judge it.`,
    remediation: 'Open the survey in the newer version of WC Site Survey that wrote it (or update this app) to have it judged.'
  }))
}

/**
 * Judges every requirement of `profile` for the target SSID from one measurement's evidence.
 *
 * Returns one finding per judgedRequirements(profile), in that order, then one `unknown` finding
 * per requirement a newer version recorded that this build does not know
 * (newerRequirementFindings). A run taken on the phone network never counts as the chargers'
 * firewall, and only such a run counts for SITE-PHONE, whatever the caller passed where.
 */
export function judgeMeasurement(profile: RequirementProfile, evidence: MeasurementEvidence): readonly Finding[] {
  const margin = evidence.laptopMarginDb ?? null
  const base = profile.parameters
  const params = margin === null ? base : { ...base, signal: { ...base.signal, laptopMarginDb: margin } }
  const network = evidence.networkProbe != null && !onPhoneNetwork(profile, evidence.networkProbe.run) ? evidence.networkProbe : null
  const phone = evidence.phoneProbe != null && onPhoneNetwork(profile, evidence.phoneProbe) ? evidence.phoneProbe : null
  const wifi = evaluateWifi(wifiContext(groupBss(evidence.observations), evidence.targetSsid, params), phone)
  const net = evaluateConnectivity({
    probe: network?.run ?? null,
    billingMode: evidence.billingMode,
    targetSsid: evidence.targetSsid,
    params
  })
  const stable = evidence.watch ? [ruleStability(evidence.watch, params, evidence.zone)] : []
  const charger = evidence.charger ? judgeCharger({ reading: evidence.charger, targetSsid: evidence.targetSsid, billingMode: evidence.billingMode, params }) : []
  const byId = new Map([...wifi, ...stable, ...net, ...charger].map((f) => [f.requirement, f]))
  // A requirement whose evidence was not taken here (no watch, no charger read) is not judged here.
  const taken = new Set(['every measurement', ...(evidence.watch ? ['watched stall'] : []), ...(evidence.charger ? ['read charger'] : [])])
  const inScope = new Set(profile.requirements.filter((r) => taken.has(r.scope)).map((r) => r.id))
  const judged = judgedRequirements(profile).flatMap((id) => {
    const f = byId.get(id)
    return f === undefined || !inScope.has(id) ? [] : [f]
  })
  return [...judged, ...newerRequirementFindings(evidence.recorded ?? [], network?.run ?? null)]
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
 * target network (or on a network the probe could not name). A run counts only at the stall it
 * was taken at: the laptop proved the way out from there (another stall may hang off another
 * access point, VLAN or firewall), and the findings say "at this location". Runs on the drivers'
 * phone network never count here (see phoneProbeFor). When the location has only runs on another
 * network, its latest is returned so the findings can say so. Null: none taken here.
 */
export function networkProbeFor(profile: RequirementProfile, survey: Survey, location: SurveyLocation): NetworkProbe | null {
  const own = probesOf(location).filter((p) => !onPhoneNetwork(profile, p))
  const run = own.find((p) => p.context.ssid === null || p.context.ssid === survey.targetSsid) ?? own[0]
  return run ? { run } : null
}

/** The location's latest probe run taken while connected to the drivers' phone network (SITE-PHONE). */
export function phoneProbeFor(profile: RequirementProfile, location: SurveyLocation): ProbeRun | null {
  return probesOf(location).find((p) => onPhoneNetwork(profile, p)) ?? null
}

/** What a stored measurement is judged on, in its survey: its snapshot and the runs that count for its location. */
export function evidenceFor(profile: RequirementProfile, survey: Survey, location: SurveyLocation, measurement: Measurement): MeasurementEvidence {
  return {
    targetSsid: survey.targetSsid,
    billingMode: survey.site.billingMode,
    observations: measurement.observations,
    networkProbe: networkProbeFor(profile, survey, location),
    phoneProbe: phoneProbeFor(profile, location),
    watch: latestWatch(location),
    recorded: measurement.findings,
    charger: chargerAt(survey, location.id)?.reading ?? null,
    laptopMarginDb: survey.calibration?.laptopMarginDb ?? null,
    zone: siteZone(survey.site.timeZone)
  }
}

/**
 * A charger's own findings (WC-*), through the one judgement with no laptop evidence: what the
 * Chargers page and the report show per charger, assigned to a stall or not, measured or not.
 */
export function judgeChargerReading(profile: RequirementProfile, survey: Survey, reading: ChargerReading): readonly Finding[] {
  const charger = new Set<string>(profile.requirements.filter((r) => r.group === 'charger').map((r) => r.id))
  const evidence: MeasurementEvidence = { targetSsid: survey.targetSsid, billingMode: survey.site.billingMode, observations: [], charger: reading }
  return judgeMeasurement(profile, evidence).filter((f) => charger.has(f.requirement))
}

/** The location's latest watch (the one WIFI-STABLE judges); null when the stall was never watched. */
export function latestWatch(location: SurveyLocation): WatchRecord | null {
  return location.watches[location.watches.length - 1] ?? null
}

/**
 * The survey with the findings of `measurementId` and of the location's counting measurement
 * (latestMeasurement) judged again now, as after measuring or saving a probe run: stored findings
 * are the record of what was shown then; the display always re-judges.
 */
export function judgeStored(profile: RequirementProfile, survey: Survey, locationId: string, measurementId: string): Survey {
  const location = survey.locations.find((l) => l.id === locationId)
  if (!location) return survey
  const counting = latestMeasurement(location)
  const measurements = location.measurements.map((m) =>
    m.id === measurementId || m === counting ? { ...m, findings: judgeMeasurement(profile, evidenceFor(profile, survey, location, m)).map(storedFinding), profileVersion: profile.version } : m
  )
  return { ...survey, locations: survey.locations.map((l) => (l.id === locationId ? { ...l, measurements } : l)) }
}

/** One measurement of a location, judged now. */
export interface JudgedMeasurement {
  readonly measurement: Measurement
  readonly findings: readonly Finding[]
}

/** One location of a judged survey. */
export interface LocationJudgement {
  readonly location: SurveyLocation
  /** The measurement judged (latest with a Wi-Fi snapshot); null when never measured. */
  readonly measurement: Measurement | null
  /** Its findings, judged now; null when never measured (or no target network is set). */
  readonly findings: readonly Finding[] | null
  readonly verdict: VerdictWithReason
  /** Every measurement of the location, oldest first, judged the same way (the history's counts). */
  readonly history: readonly JudgedMeasurement[]
  /** The run the connectivity findings were judged on (networkProbeFor). */
  readonly networkProbe: NetworkProbe | null
  /** The run SITE-PHONE was judged on (phoneProbeFor). */
  readonly phoneProbe: ProbeRun | null
}

/** A whole survey judged with one profile. */
export interface SurveyJudgement extends VerdictWithReason {
  readonly profileVersion: string
  readonly locations: readonly LocationJudgement[]
}

const NO_TARGET: VerdictWithReason = { verdict: 'incomplete', reason: 'No target network set: enter the chargers\' SSID in the survey.' }

/** One location judged: its latest measurement decides, every measurement is judged for the history. */
export function judgeLocation(profile: RequirementProfile, survey: Survey, location: SurveyLocation): LocationJudgement {
  const measurement = latestMeasurement(location)
  const networkProbe = networkProbeFor(profile, survey, location)
  const phoneProbe = phoneProbeFor(profile, location)
  const history = location.measurements.map((m) => ({ measurement: m, findings: judgeMeasurement(profile, evidenceFor(profile, survey, location, m)) }))
  const probes = { networkProbe, phoneProbe }
  if (survey.targetSsid.trim() === '') return { location, measurement, findings: null, verdict: NO_TARGET, history, ...probes }
  const findings = measurement === null ? null : (history.find((h) => h.measurement === measurement)?.findings ?? null)
  return { location, measurement, findings, verdict: locationVerdict(findings), history, ...probes }
}

/**
 * Judges every location's latest measurement with `profile` (stored findings stay in the file as
 * the record of what was shown when measuring) and gives the survey's verdict.
 */
export function judgeSurvey(profile: RequirementProfile, survey: Survey): SurveyJudgement {
  const locations = survey.locations.map((location) => judgeLocation(profile, survey, location))
  const overall: VerdictWithReason =
    survey.targetSsid.trim() === '' && locations.length > 0
      ? NO_TARGET
      : combineLocationVerdicts(locations.map((l) => ({ name: l.location.name, findings: l.findings })))
  return { ...overall, profileVersion: profile.version, locations }
}
