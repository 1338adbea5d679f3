/**
 * One place that builds sample surveys, locations, measurements and observations for tests and
 * benchmarks: valid by the model's schema, with every field set; override what the test is about.
 * No Node or DOM imports: the renderer tests and the esbuild-bundled crash child use it too.
 */
import type { Observation } from '../../src/shared/model/observation'
import { SURVEY_SCHEMA_VERSION, type Measurement, type Survey, type SurveyLocation } from '../../src/shared/model/survey'
import { EMPTY_MAP } from '../../src/shared/model/survey-map'
import { PROFILE_VERSION } from '../../src/shared/requirements/profile'

/** What a test may change in a survey; `site` is merged field by field into the sample site. */
export type SurveyOverrides = Partial<Omit<Survey, 'site'>> & { readonly site?: Partial<Survey['site']> }

/** A survey of the sample site with no locations. */
export function makeSurvey(overrides: SurveyOverrides = {}): Survey {
  const { site, ...rest } = overrides
  return {
    schemaVersion: SURVEY_SCHEMA_VERSION,
    id: 'survey-1',
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    site: { name: 'Harbour Point', address: '1 Quay St', customer: 'Acme Parking', technician: 'Sam', billingMode: 'free', notes: '', timeZone: null, ...site },
    targetSsid: 'Garage-IoT',
    profile: { id: 'wall-connector-network', version: PROFILE_VERSION },
    resurveyOf: null,
    locations: [],
    map: EMPTY_MAP,
    chargers: [],
    calibration: null,
    ...rest
  }
}

/** A charger location with no notes and no measurements. */
export function makeLocation(overrides: Partial<SurveyLocation> = {}): SurveyLocation {
  return { id: 'l1', name: 'Stall 1', notes: '', cellularNote: '', measurements: [], watches: [], placement: null, photos: [], ...overrides }
}

/** A measurement of three scans with no observations, findings or probe run. */
export function makeMeasurement(overrides: Partial<Measurement> = {}): Measurement {
  return {
    id: 'm1',
    takenAt: '2026-11-20T09:10:00.000Z',
    scanCount: 3,
    observations: [],
    findings: [],
    profileVersion: PROFILE_VERSION,
    probe: null,
    ...overrides
  }
}

/** One WPA2/CCMP 20 MHz BSS of the sample target network on 2.4 GHz channel 6. */
export function makeObservation(overrides: Partial<Observation> = {}): Observation {
  return {
    ssid: 'Garage-IoT',
    ssidHex: null,
    hidden: false,
    redacted: false,
    bssid: 'aa:bb:cc:00:00:01',
    frequencyMhz: 2437,
    channel: 6,
    band: '2.4',
    channelWidthMhz: 20,
    secondaryChannelOffset: 'none',
    security: { protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: 'capable' },
    phy: ['b', 'g', 'n'],
    basicRatesMbps: [1, 2, 5.5, 11],
    supportedRatesMbps: [1, 2, 5.5, 11, 6, 9, 12, 18, 24, 36, 48, 54],
    signalDbm: -58,
    signalDerived: false,
    noiseDbm: null,
    source: 'iw',
    ...overrides
  }
}
