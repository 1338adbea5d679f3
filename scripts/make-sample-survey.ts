/**
 * Writes assets/sample-survey.wcsurvey: a parking garage a newcomer can open without Wi-Fi hardware.
 *
 * Run: `npx tsx scripts/make-sample-survey.ts` (again whenever the rules or the parsers change).
 *
 * Every observation is a real BSS from the public captures in test/fixtures/scan (see
 * test/unit/requirements/captures.ts for file and BSS). The captures share no network name, so
 * the garage's network name is given to the capture BSSes that play its access points (and the
 * open "Tesla-Charging-Access" at P1 is the rockymeza open capture's BSS); every other field is
 * the capture's. The probe runs (one on the chargers' network at every measured stall, since a run
 * counts only where it was taken, and one on Tesla-Charging-Access at P1) are hand-built in the
 * probe engine's shape, everything passing.
 * Findings are computed by the compliance engine; the output is deterministic (fixed ids and times).
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Observation } from '../src/shared/model/observation'
import type { ProbeResult, ProbeRun } from '../src/shared/model/probe'
import { SURVEY_SCHEMA_VERSION, surveySchema, type Measurement, type Survey, type SurveyLocation } from '../src/shared/model/survey'
import type { Level } from '../src/shared/model/survey-map'
import { bytesToBase64 } from '../src/shared/map/plan-image'
import { serializeSurvey } from '../src/main/survey/survey-file'
import { evidenceFor, judgeMeasurement, PROFILE, PROFILE_ID, PROFILE_VERSION } from '../src/shared/requirements'
import { garagePlanSvg, PLAN_HEIGHT, PLAN_WIDTH, SCALE_BAR, stallCentre } from './sample-garage-plans'
import { booyaa, iphoneNetsh, jc1, o2wlan34, open } from '../test/unit/requirements/captures'

/** The garage's chargers network. */
export const SAMPLE_TARGET_SSID = 'HarbourPoint-EV'

function hex(text: string): string {
  return [...new TextEncoder().encode(text)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** A capture BSS playing one of the garage's access points. */
function as(ssid: string, o: Observation): Observation {
  return { ...o, ssid, ssidHex: hex(ssid), hidden: false }
}

/** A probe run in the shape the probe engine records, every check passing, on network `ssid`. */
function probeRun(id: string, ssid: string, startedAt: string, finishedAt: string): ProbeRun {
  const results: ProbeResult[] = []
  let ms = 18
  const add = (protocol: ProbeResult['protocol'], host: string, wildcard: string | null, detail: string): void => {
    const port = { dns: 53, ntp: 123, http: 80, tls: 443 }[protocol]
    const requirement = ({ dns: 'NET-DNS', ntp: 'NET-NTP', http: 'NET-HTTP', tls: 'NET-TLS' } as const)[protocol]
    ms = (ms * 7 + 11) % 90 + 12
    results.push({ requirement, host, protocol, port, outcome: 'pass', kind: null, latencyMs: ms, detail, rule: '', wildcard })
  }
  for (const domain of PROFILE.parameters.domains) {
    const wildcard = domain.pattern.startsWith('*.') ? domain.pattern : null
    for (const host of domain.probeHosts) {
      add('dns', host, wildcard, 'answered by 10.40.0.1 (network resolver, UDP 53)')
      if (host === 'pool.ntp.org' || host === 'time.nist.gov') add('ntp', host, wildcard, `stratum ${host === 'time.nist.gov' ? 1 : 2}, offset +0.004 s`)
      else {
        add('http', host, wildcard, 'HTTP 404 from the host itself (no redirect, no portal)')
        add('tls', host, wildcard, 'chain valid to a public root; hostname matches')
      }
    }
  }
  const guest = ssid !== SAMPLE_TARGET_SSID
  return {
    id,
    startedAt,
    finishedAt,
    cancelled: false,
    context: guest
      ? { interface: 'wlan0', ssid, localIp: '192.168.77.23', gateway: '192.168.77.1', dnsServers: ['192.168.77.1'], wired: false, warnings: [`This computer is on "${ssid}", not on the survey's network "${SAMPLE_TARGET_SSID}".`] }
      : { interface: 'wlan0', ssid, localIp: '10.40.0.57', gateway: '10.40.0.1', dnsServers: ['10.40.0.1'], wired: false, warnings: [] },
    results: guest ? results.map((r) => ({ ...r, detail: r.detail.replace('10.40.0.1', '192.168.77.1') })) : results
  }
}

/** The garage's levels, each with its drawn plan, scaled on the plan's printed 20 m bar. */
const LEVELS: readonly Level[] = [
  ['P1', 'RAMP DOWN TO P2', true],
  ['P2', 'RAMP P1 / P3', false],
  ['P3', 'RAMP UP TO P2', false]
].map(([name, ramp, entry]): Level => ({
  id: `level-${String(name).toLowerCase()}`,
  name: String(name),
  plan: {
    fileName: `harbour-point-${String(name)}.svg`,
    mediaType: 'image/svg+xml',
    widthPx: PLAN_WIDTH,
    heightPx: PLAN_HEIGHT,
    data: bytesToBase64(new TextEncoder().encode(garagePlanSvg(String(name), String(ramp), entry === true)))
  },
  scale: { a: SCALE_BAR.a, b: SCALE_BAR.b, metres: SCALE_BAR.metres }
}))

interface Plan {
  readonly id: string
  /** The level and the stall number on its plan where the location is pinned. */
  readonly level: string
  readonly stall: number
  readonly name: string
  readonly notes: string
  readonly cellularNote: string
  /** Oldest first; empty: not measured yet. */
  readonly measurements: readonly { readonly takenAt: string; readonly observations: readonly Observation[]; readonly probe: ProbeRun | null }[]
}

const p1 = [as(SAMPLE_TARGET_SSID, booyaa.world), booyaa.hello, booyaa.bar, as('Tesla-Charging-Access', open)]

const plans: readonly Plan[] = [
  {
    id: 'loc-p1-stall-3',
    level: 'level-p1',
    stall: 3,
    name: 'Level P1 – stall 3',
    notes: 'Next to the lift lobby; access point AP-P1-East on the ceiling, line of sight.',
    cellularNote: 'No LTE at the stall; the Tesla-Charging-Access network is up.',
    // booyaa iw capture: "world" plays AP-P1-East; the rockymeza open BSS plays Tesla-Charging-Access.
    // Measured twice: first with the firewall probe on the chargers' network, then re-measured
    // with the laptop on Tesla-Charging-Access to check the drivers' internet (SITE-PHONE).
    measurements: [
      { takenAt: '2026-11-18T09:15:00.000Z', observations: p1, probe: probeRun('probe-p1-stall-3', SAMPLE_TARGET_SSID, '2026-11-18T09:22:10.000Z', '2026-11-18T09:22:11.450Z') },
      { takenAt: '2026-11-18T09:30:00.000Z', observations: p1, probe: probeRun('probe-p1-stall-3-phones', 'Tesla-Charging-Access', '2026-11-18T09:31:02.000Z', '2026-11-18T09:31:03.380Z') }
    ]
  },
  {
    id: 'loc-p2-stall-14',
    level: 'level-p2',
    stall: 14,
    name: 'Level P2 – stall 14',
    notes: 'Far end of P2 behind the ramp.',
    cellularNote: 'One bar of LTE.',
    // booyaa iw capture: "foo" (HT operation "secondary channel offset: above" → 40 MHz) plays AP-P2-Ramp.
    measurements: [{ takenAt: '2026-11-18T09:41:00.000Z', observations: [as(SAMPLE_TARGET_SSID, booyaa.foo), booyaa.world, booyaa.hello], probe: probeRun('probe-p2-stall-14', SAMPLE_TARGET_SSID, '2026-11-18T09:44:00.000Z', '2026-11-18T09:44:01.520Z') }]
  },
  {
    id: 'loc-p3-stall-2',
    level: 'level-p3',
    stall: 2,
    name: 'Level P3 – stall 2',
    notes: 'Lowest level; thick concrete between this stall and the nearest access point.',
    cellularNote: 'No cellular signal.',
    // jc-iw-scan1: "o2-WLAN34" (2.4 GHz at -81 dBm, plus a 5 GHz BSS) plays AP-P3; its neighbours stay as captured.
    measurements: [
      { takenAt: '2026-11-18T10:05:00.000Z', observations: [...o2wlan34.map((o) => as(SAMPLE_TARGET_SSID, o)), jc1.upc24, jc1.upc5, jc1.hidden, ...jc1.vodafone.slice(0, 2)],
        probe: probeRun('probe-p3-stall-2', SAMPLE_TARGET_SSID, '2026-11-18T10:08:00.000Z', '2026-11-18T10:08:01.610Z')
      }
    ]
  },
  {
    id: 'loc-p2-stall-20',
    level: 'level-p2',
    stall: 20,
    name: 'Level P2 – stall 20',
    notes: 'Measured with the Windows laptop: netsh does not show channel width.',
    cellularNote: '',
    // netsh en-sp capture: "iPhone" (WPA2-Personal CCMP, 802.11n, 65 %) plays AP-P2-West.
    measurements: [{ takenAt: '2026-11-18T10:30:00.000Z', observations: [as(SAMPLE_TARGET_SSID, iphoneNetsh)], probe: probeRun('probe-p2-stall-20', SAMPLE_TARGET_SSID, '2026-11-18T10:33:00.000Z', '2026-11-18T10:33:01.480Z') }]
  },
  {
    id: 'loc-p3-stall-7',
    level: 'level-p3',
    stall: 7,
    name: 'Level P3 – stall 7',
    notes: 'Planned; not measured yet.',
    cellularNote: '',
    measurements: []
  }
]

/** Builds the sample survey (validated against the survey schema). */
export function buildSampleSurvey(): Survey {
  const draft: Survey = {
    schemaVersion: SURVEY_SCHEMA_VERSION,
    id: 'sample-harbour-point-garage',
    createdAt: '2026-11-18T09:00:00.000Z',
    updatedAt: '2026-11-18T10:34:00.000Z',
    site: {
      name: 'Harbour Point Garage',
      address: '1 Harbour Point, Level P1–P3 (sample site)',
      customer: 'Harbour Point Property Management (sample)',
      technician: 'Sample technician',
      billingMode: 'billed',
      notes:
        'Sample survey shipped with the app. Every Wi-Fi observation is a real BSS from public scan captures; the garage network name "HarbourPoint-EV" was given to the captured BSSes that play its access points.',
      // A zone whose November offset is +00:00: the sample's times read as they did in UTC.
      timeZone: 'Europe/London'
    },
    targetSsid: SAMPLE_TARGET_SSID,
    profile: { id: PROFILE_ID, version: PROFILE_VERSION },
    resurveyOf: null,
    chargers: [],
    calibration: null,
    locations: plans.map(
      (p): SurveyLocation => ({
        id: p.id,
        name: p.name,
        notes: p.notes,
        cellularNote: p.cellularNote,
        measurements: p.measurements.map((m, i) => ({
          id: `m-${p.id}-${i + 1}`,
          takenAt: m.takenAt,
          scanCount: 3,
          observations: m.observations,
          findings: [],
          profileVersion: PROFILE_VERSION,
          probe: m.probe
        })),
        watches: [],
        placement: { levelId: p.level, position: stallCentre(p.stall) },
        photos: []
      })
    ),
    map: { units: 'm', levels: LEVELS, points: [] }
  }
  // Findings as the app stores them when measuring: judged with the probe run that counts.
  const survey: Survey = {
    ...draft,
    locations: draft.locations.map((l) => ({
      ...l,
      measurements: l.measurements.map((m): Measurement => ({ ...m, findings: judgeMeasurement(PROFILE, evidenceFor(PROFILE, draft, l, m)) }))
    }))
  }
  return surveySchema.parse(survey)
}

/** The asset's path. */
export const SAMPLE_PATH = fileURLToPath(new URL('../assets/sample-survey.wcsurvey', import.meta.url))

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SAMPLE_PATH, serializeSurvey(buildSampleSurvey()))
  process.stdout.write(`wrote ${SAMPLE_PATH}\n`)
}
