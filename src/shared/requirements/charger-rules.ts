/**
 * The installed chargers' own findings (WC-ONLINE, WC-NETWORK, WC-SIGNAL) from a charger reading:
 * what the Wall Connector itself says about the network it joined. Pure: the CLI, the app and the
 * report judge with this one function.
 */
import type { ChargerReading } from '../model/charger'
import type { Finding, FindingResult, RequirementId } from '../model/finding'
import type { BillingMode, InstalledCharger, Survey } from '../model/survey'
import { dbm, finding, joinEvidence, signalLevelResult } from './finding-kit'
import type { ProfileParameters } from './profile'

export interface ChargerJudgementInput {
  readonly reading: ChargerReading
  /** The survey's target network; '' when none is set (WC-NETWORK is then unknown). */
  readonly targetSsid: string
  readonly billingMode: BillingMode
  readonly params: ProfileParameters
}

function who(r: ChargerReading): string {
  return r.serialNumber !== null ? `charger ${r.serialNumber}` : `the charger at ${r.host}`
}

function notRead(id: RequirementId, r: ChargerReading, what: string): Finding {
  const because = r.reachable ? `its ${what} could not be read` : 'it did not answer'
  return finding(
    id,
    'unknown',
    `${who(r)}: ${because}`,
    [],
    r.reachable ? 'The charger answered, but not with the field this check needs.' : 'The charger did not answer, so its own view of the network is unknown.',
    'Connect the laptop to the chargers\' network, check the charger\'s address, and read the charger again.'
  )
}

/** WC-ONLINE: connected, and the charger's own `internet` verdict true; weighted by billing (SITE-BILLING). */
export function ruleChargerOnline(input: ChargerJudgementInput): Finding {
  const r = input.reading
  const { connected, internet } = r.wifi
  if (connected === null && internet === null) return notRead('WC-ONLINE', r, 'Wi-Fi status')
  const weighted: FindingResult = input.billingMode === 'billed' ? 'fail' : 'warn'
  const evidence = `${who(r)}: wifi_connected ${connected === null ? 'not reported' : String(connected)}, internet ${internet === null ? 'not reported' : String(internet)}`
  const billingNote =
    input.billingMode === 'billed'
      ? 'Charging is billed here, so the charger must stay online (SITE-BILLING).'
      : 'This site is free to charge: Power Management still works offline, but cloud features need the connection (SITE-BILLING).'
  if (connected === false) {
    return finding('WC-ONLINE', weighted, evidence, [], `The charger is not connected to Wi-Fi. ${billingNote}`,
      'Check the network name and password the charger was commissioned with (Tesla One), and the signal at the charger.')
  }
  if (internet === false) {
    return finding('WC-ONLINE', weighted, evidence, [], `The charger is on Wi-Fi but says it cannot reach its cloud service. ${billingNote}`,
      `Run the connectivity check from this stall and open the firewall for the ports and domains the chargers need (NET-*)${r.webService !== null ? `, in particular ${r.webService}` : ''}.`)
  }
  if (connected === null || internet === null) {
    return finding('WC-ONLINE', 'unknown', evidence, [], 'The charger reported only half of its connection state.', 'Read the charger again.')
  }
  return finding('WC-ONLINE', 'pass', evidence, [], 'The charger is connected and says it reaches its cloud service.', '')
}

/** WC-NETWORK: the network the charger joined is the survey's target network (SSIDs are case-sensitive). */
export function ruleChargerNetwork(input: ChargerJudgementInput): Finding {
  const r = input.reading
  const ssid = r.wifi.ssid
  if (ssid === null) return notRead('WC-NETWORK', r, 'network name')
  const target = input.targetSsid
  const evidence = `${who(r)} joined "${ssid}"${r.wifi.ssidEncoding === 'base64' ? ' (base64 in the answer)' : ''}`
  if (target.trim() === '') {
    return finding('WC-NETWORK', 'unknown', evidence, [], 'No target network is set, so there is nothing to compare with.', 'Enter the chargers\' network (target SSID) in the survey.')
  }
  if (ssid === target) return finding('WC-NETWORK', 'pass', `${evidence}, the target network`, [], 'The charger is on the network this survey checked.', '')
  return finding(
    'WC-NETWORK',
    'fail',
    `${evidence}, not the target "${target}"`,
    [],
    'The charger is on another network than the one this survey checked, so the survey\'s findings do not speak for it (a power-sharing follower joins its leader\'s own network and is not reachable on the LAN).',
    `Re-commission the charger onto "${target}" in Tesla One, or correct the survey's target network.`
  )
}

/** WC-SIGNAL: the charger's own RSSI against the WIFI-SIGNAL thresholds, with no laptop margin. */
export function ruleChargerSignal(input: ChargerJudgementInput): Finding {
  const r = input.reading
  const rssi = r.wifi.rssiDbm
  if (rssi === null) return notRead('WC-SIGNAL', r, 'signal (wifi_rssi)')
  const { passDbm, warnDbm } = input.params.signal
  const result = signalLevelResult(rssi, input.params.signal)
  const evidence = joinEvidence([
    `${who(r)}: RSSI ${dbm(rssi)}`,
    r.wifi.snrDb === null ? '' : `SNR ${r.wifi.snrDb} dB`,
    r.wifi.signalPercent === null ? '' : `signal ${r.wifi.signalPercent} %`,
    `pass at ${passDbm} dBm or better, warn down to ${warnDbm} dBm (survey practice, not a vendor figure; the charger's own radio, no margin)`
  ])
  const explanation =
    result === 'pass'
      ? `The charger hears the network at ${dbm(rssi)}, at or above ${passDbm} dBm.`
      : result === 'warn'
        ? `The charger hears the network at ${dbm(rssi)}, below ${passDbm} dBm: the connection may drop at busy times.`
        : `The charger hears the network at ${dbm(rssi)}, below ${warnDbm} dBm: it is unlikely to stay connected.`
  return finding('WC-SIGNAL', result, evidence, [], explanation,
    `Add or move a 2.4 GHz access point closer to this charger, or raise its 2.4 GHz transmit power; aim for ${passDbm} dBm or better at the charger.`)
}

/** The three charger findings, in profile order. */
export function judgeCharger(input: ChargerJudgementInput): Finding[] {
  return [ruleChargerOnline(input), ruleChargerNetwork(input), ruleChargerSignal(input)]
}

/** The charger assigned to a location (the latest-read one when several were). */
export function chargerAt(survey: Survey, locationId: string): InstalledCharger | null {
  const assigned = survey.chargers.filter((c) => c.locationId === locationId)
  return assigned.reduce<InstalledCharger | null>((best, c) => (best === null || c.reading.readAt > best.reading.readAt ? c : best), null)
}
