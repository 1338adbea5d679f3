/** Small surveys and observations for renderer tests. */
import type { Observation } from '../../../src/shared/model/observation'
import { SURVEY_SCHEMA_VERSION, type Survey } from '../../../src/shared/model/survey'
import type { AppInfo } from '../../../src/shared/contract'

/** A survey with the given locations (no measurements). */
export function makeSurvey(overrides: Partial<Survey> = {}): Survey {
  return {
    schemaVersion: SURVEY_SCHEMA_VERSION,
    id: 'survey-1',
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    site: { name: 'Harbour Point', address: '1 Quay St', customer: 'Acme Parking', technician: 'Sam', billingMode: 'free', notes: '' },
    targetSsid: 'Garage-IoT',
    profile: { id: 'wall-connector-network', version: '1.0.0' },
    locations: [],
    ...overrides
  }
}

/** One BSS of the target network on 2.4 GHz. */
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

export const appInfo: AppInfo = {
  version: '0.1.0',
  mode: 'browser',
  platform: 'linux',
  surveysFolder: '/data/surveys',
  scanner: 'Replay (demo)',
  nativeDialogs: false
}
