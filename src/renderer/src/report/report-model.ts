/**
 * What the report shows, derived from a survey by pure functions: verdicts, each location's latest
 * measurement, the target network's signal, the drivers' network (SITE-PHONE), the remediation
 * checklist grouped by who acts, and the raw observations. The components only lay it out.
 */
import type { Photo } from '../../../shared/model/photo'
import type { Finding, FindingResult, VerdictWithReason } from '../../../shared/model/finding'
import type { Band, Observation } from '../../../shared/model/observation'
import type { ProbeRun } from '../../../shared/model/probe'
import type { Measurement, Survey } from '../../../shared/model/survey'
import type { WatchRecord } from '../../../shared/model/watch'
import { judgeSurvey, latestWatch, type LocationJudgement } from '../../../shared/requirements'
import { PROFILE } from '../../../shared/requirements/profile'
import { buildChecklist, profileIndex, type Checklist } from '../../../shared/report/what-to-change'
import { draftReasons, isDraft } from '../../../shared/report/draft'
import { siteZone, type ZoneOptions } from '../../../shared/text/date-time'

export type { Checklist, ChecklistItem } from '../../../shared/report/what-to-change'

/** The strongest BSS of a network at a location. */
export interface NetworkSignal {
  readonly ssid: string
  readonly bssid: string | null
  readonly band: Band | null
  readonly channel: number | null
  readonly channelWidthMhz: number | null
  readonly signalDbm: number
  readonly signalDerived: boolean
  /** How many BSS of this network were seen (all bands). */
  readonly bssCount: number
}

/** The drivers' open network at a location (SITE-PHONE). */
export interface PhoneNetwork {
  readonly ssid: string
  readonly visible: boolean
  /** True when every BSS seen is open (no password), false when one is secured, null when unknown. */
  readonly open: boolean | null
  readonly strongest: NetworkSignal | null
}

/** One location as the report shows it. */
export interface LocationReport {
  readonly id: string
  readonly name: string
  readonly notes: string
  readonly cellularNote: string
  readonly verdict: VerdictWithReason
  /** The measurement that counts (latest with a Wi-Fi snapshot); null when never measured. */
  readonly measurement: Measurement | null
  readonly measurementCount: number
  /** Worst first: fail, unknown, warn, pass; then in profile order. */
  readonly findings: readonly Finding[]
  readonly counts: Readonly<Record<FindingResult, number>>
  /** The target network's strongest 2.4 GHz BSS (what the chargers join), else its strongest. */
  readonly target: NetworkSignal | null
  readonly phone: PhoneNetwork
  /** The location's own probe run that counts (networkProbeFor); null when none was taken here. */
  readonly probe: ProbeRun | null
  /** The location's latest watch (the one WIFI-STABLE judges); null when the stall was never watched. */
  readonly watch: WatchRecord | null
  /** The location's photos, in the order added (location data removed on import). */
  readonly photos: readonly Photo[]
}

/** One row of the raw-observations appendix. */
export interface ObservationRow {
  readonly location: string
  readonly observation: Observation
  readonly isTarget: boolean
}

export interface ReportModel {
  readonly survey: Survey
  readonly overall: VerdictWithReason
  readonly locations: readonly LocationReport[]
  readonly checklist: Checklist
  /** The appendix's rows: every BSS seen with `fullAppendix`, else only those that matter (relevantRow). */
  readonly observations: readonly ObservationRow[]
  /** Rows left out of the appendix (0 with `fullAppendix`). */
  readonly observationsOmitted: number
  readonly fullAppendix: boolean
  /** Names of the incomplete locations that keep the report a draft (empty: final, unless no location). */
  readonly draftLocations: readonly string[]
  readonly draft: boolean
  /** The profile version the report judged with (the current one). */
  readonly judgedWith: string
  /** Profile versions recorded in the measurements when they were taken (normally one). */
  readonly recordedWith: readonly string[]
  /** First and last measurement time, null when nothing was measured. */
  readonly measuredFrom: string | null
  readonly measuredTo: string | null
  /** The zone every time in the report is shown in: the site's, UTC when it was never recorded (siteZone). */
  readonly zone: ZoneOptions
}

const RESULT_ORDER: Readonly<Record<FindingResult, number>> = { fail: 0, unknown: 1, warn: 2, pass: 3 }

/** Findings worst first, then in the profile's display order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) => RESULT_ORDER[a.result] - RESULT_ORDER[b.result] || profileIndex(a.requirement) - profileIndex(b.requirement)
  )
}


function isNamed(o: Observation, ssid: string): boolean {
  return ssid !== '' && !o.redacted && o.ssid === ssid
}

/**
 * The strongest BSS of `ssid` among `observations`; `preferBand` first when it has one.
 *
 * Observations without a signal cannot be ranked and are only counted.
 */
export function strongestOf(observations: readonly Observation[], ssid: string, preferBand: Band | null): NetworkSignal | null {
  const all = observations.filter((o) => isNamed(o, ssid))
  const measured = all.filter((o): o is Observation & { signalDbm: number } => o.signalDbm !== null)
  const preferred = preferBand === null ? [] : measured.filter((o) => o.band === preferBand)
  const pool = preferred.length > 0 ? preferred : measured
  const best = pool.reduce<(Observation & { signalDbm: number }) | null>((b, o) => (b === null || o.signalDbm > b.signalDbm ? o : b), null)
  if (best === null) return null
  return {
    ssid,
    bssid: best.bssid,
    band: best.band,
    channel: best.channel,
    channelWidthMhz: best.channelWidthMhz,
    signalDbm: best.signalDbm,
    signalDerived: best.signalDerived,
    bssCount: all.length
  }
}

/** The drivers' network at a location, from the latest measurement's observations. */
export function phoneNetwork(observations: readonly Observation[], phoneSsid: string): PhoneNetwork {
  const seen = observations.filter((o) => isNamed(o, phoneSsid))
  const protocols = seen.map((o) => o.security.protocols)
  const open = seen.length === 0 || protocols.some((p) => p === null) ? null : protocols.every((p) => p !== null && p.length > 0 && p.every((x) => x === 'OPEN'))
  return { ssid: phoneSsid, visible: seen.length > 0, open, strongest: strongestOf(observations, phoneSsid, '2.4') }
}

function countResults(findings: readonly Finding[]): Record<FindingResult, number> {
  const counts: Record<FindingResult, number> = { pass: 0, warn: 0, fail: 0, unknown: 0 }
  for (const f of findings) counts[f.result] += 1
  return counts
}

/**
 * One location's report section, from its judgement (judgeSurvey: the latest measurement with a
 * Wi-Fi snapshot re-judged with the current profile, as the app and `wc-survey check` do).
 */
export function locationReport(survey: Survey, judgement: LocationJudgement): LocationReport {
  const { location, measurement } = judgement
  const findings = sortFindings(judgement.findings ?? [])
  const observations = measurement?.observations ?? []
  const probe = judgement.networkProbe
  return {
    id: location.id,
    name: location.name,
    notes: location.notes,
    cellularNote: location.cellularNote,
    verdict: judgement.verdict,
    measurement,
    measurementCount: location.measurements.length,
    findings,
    counts: countResults(findings),
    target: strongestOf(observations, survey.targetSsid, '2.4'),
    phone: phoneNetwork(observations, PROFILE.parameters.phoneSsid),
    probe: probe?.run ?? null,
    watch: latestWatch(location),
    photos: location.photos
  }
}

/** The report section of the location `locationId`, or null when the survey has none. */
export function locationReportById(survey: Survey, locationId: string): LocationReport | null {
  const judgement = judgeSurvey(PROFILE, survey).locations.find((l) => l.location.id === locationId)
  return judgement === undefined ? null : locationReport(survey, judgement)
}

/** Every observation of every location's latest measurement, for the appendix. */
export function observationRows(locations: readonly LocationReport[], targetSsid: string): ObservationRow[] {
  const rows: ObservationRow[] = []
  for (const l of locations) {
    const sorted = [...(l.measurement?.observations ?? [])].sort(
      (a, b) => (a.ssid ?? '\uffff').localeCompare(b.ssid ?? '\uffff') || (b.signalDbm ?? -999) - (a.signalDbm ?? -999)
    )
    for (const o of sorted) rows.push({ location: l.name, observation: o, isTarget: isNamed(o, targetSsid) })
  }
  return rows
}

/**
 * A row that matters to the reader: a BSS of the chargers' network, of the drivers' network
 * (SITE-PHONE), or one a finding at that location names (a co-channel neighbour, a 5 GHz twin).
 * The rest (the neighbours' networks) is only in the full appendix.
 */
export function relevantRow(row: ObservationRow, named: ReadonlySet<string>): boolean {
  const o = row.observation
  return row.isTarget || isNamed(o, PROFILE.parameters.phoneSsid) || (o.bssid !== null && named.has(`${row.location}\u0000${o.bssid}`))
}

/** The whole report's model from a survey; `fullAppendix`: every BSS seen in the appendix. */
export function buildReportModel(survey: Survey, options: { readonly fullAppendix?: boolean } = {}): ReportModel {
  const judgement = judgeSurvey(PROFILE, survey)
  const locations = judgement.locations.map((l) => locationReport(survey, l))
  const times = locations.flatMap((l) => l.measurement?.takenAt ?? []).sort()
  const fullAppendix = options.fullAppendix === true
  const all = observationRows(locations, survey.targetSsid)
  const named = new Set(locations.flatMap((l) => l.findings.flatMap((f) => f.bssids.map((b) => `${l.name}\u0000${b}`))))
  const observations = fullAppendix ? all : all.filter((r) => relevantRow(r, named))
  const draftLocations = draftReasons(survey)
  return {
    survey,
    overall: { verdict: judgement.verdict, reason: judgement.reason },
    locations,
    checklist: buildChecklist(locations),
    observations,
    observationsOmitted: all.length - observations.length,
    fullAppendix,
    draftLocations,
    draft: isDraft(survey),
    judgedWith: judgement.profileVersion,
    recordedWith: [...new Set(locations.flatMap((l) => l.measurement?.profileVersion ?? []))].sort(),
    measuredFrom: times[0] ?? null,
    measuredTo: times.at(-1) ?? null,
    zone: siteZone(survey.site.timeZone)
  }
}
