/**
 * What the real body sets say, written by hand from test/fixtures/wall-connector-api (the
 * winksaville captures), once for every test that expects them or starts from them.
 */
import type { ChargerReading } from '../../src/shared/model/charger'

/** version_real + wifi_status_real + vitals_idle (winksaville), as the client reads them. */
export const REAL_READING: ChargerReading = {
  host: '192.168.1.221',
  port: 80,
  address: '192.168.1.221',
  readAt: '2026-12-01T10:00:00.000Z',
  reachable: true,
  firmware: '25.34.1+ge48cc9be91ebc7',
  partNumber: '1734412-02-D',
  serialNumber: 'B7S24024J01612',
  webService: 'h3-hermes-prd.sn.tesla.services',
  wifi: { ssid: 'SSIORBI', ssidEncoding: 'base64', rssiDbm: -58, snrDb: 35, signalPercent: 64, connected: true, internet: true, ip: '192.168.1.221', mac: '54:F8:F0:0A:30:AA' },
  evseState: 1,
  notReadyReasons: [4, 8],
  alerts: [],
  uptimeS: 105032,
  endpoints: [],
  warnings: []
}

/** `wc-survey charger HOST --ssid SSIORBI --json` on the real body set (issue 13, item 6 keys). */
export function realReport(host: string): unknown {
  const { ssidEncoding: _encoding, ...wifi } = REAL_READING.wifi
  return {
    host,
    reachable: true,
    firmware: REAL_READING.firmware,
    partNumber: REAL_READING.partNumber,
    serialNumber: REAL_READING.serialNumber,
    webService: REAL_READING.webService,
    wifi,
    evseState: 1,
    evseStateText: 'idle, no vehicle connected',
    findings: [
      { requirement: 'WC-ONLINE', result: 'pass', explanation: 'The charger is connected and says it reaches its cloud service.' },
      { requirement: 'WC-NETWORK', result: 'pass', explanation: 'The charger is on the network this survey checked.' },
      { requirement: 'WC-SIGNAL', result: 'pass', explanation: 'The charger hears the network at -58 dBm, at or above -67 dBm.' }
    ],
    warnings: []
  }
}
