/**
 * The charger check: reads an installed Wall Connector's own view of the network through its local
 * HTTP API. The four endpoints are read in parallel, each with its own timeout and size limit, from
 * one resolved address (so a name cannot point somewhere else between the policy check and the
 * requests). Never throws on a bad answer: each endpoint reports what was wrong.
 */
import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'
import { CHARGER_ENDPOINTS, type ChargerEndpoint, type ChargerReading, type EndpointReport } from '../../shared/model/charger'
import { boundedGet } from './bounded-get'
import { resolveMdns } from './discovery'
import { versionFields, vitalsFields, wifiFields } from './charger-fields'
import { addressScope, formatTarget, isMdnsName, type ChargerTarget } from './charger-target'
import { parseChargerJson } from './lenient-json'
import { errorCode } from '../probe/failure-kind'

/** Per-endpoint timeout: a charger on the LAN answers in well under a second. */
export const DEFAULT_CHARGER_TIMEOUT_MS = 3000
/** Real answers are under 2 KB; 64 KB leaves room for firmware growth and refuses a flood. */
export const MAX_ANSWER_BYTES = 64 * 1024

/** Resolves a host name to addresses (the OS resolver by default; tests and mDNS inject their own). */
export type Resolve = (host: string, timeoutMs: number) => Promise<readonly string[]>

export interface ReadChargerOptions {
  readonly timeoutMs?: number
  readonly maxBytes?: number
  /** The user confirmed reading a charger at a public address. */
  readonly allowPublic?: boolean
  readonly signal?: AbortSignal
  readonly resolve?: Resolve
  /** ISO time source (tests). */
  readonly now?: () => string
}

export type ReadChargerOutcome =
  | { readonly ok: true; readonly reading: ChargerReading }
  | { readonly ok: false; readonly reason: 'needs-confirmation' | 'forbidden-address'; readonly message: string; readonly address: string }

/**
 * `.local` names over mDNS first (our own query: not every OS resolver speaks mDNS), then the OS
 * resolver with a deadline (getaddrinfo has none of its own).
 */
export const systemResolve: Resolve = async (host, timeoutMs) => {
  if (isMdnsName(host)) {
    try {
      return await resolveMdns(host, timeoutMs)
    } catch {
      // not answered over mDNS: the OS resolver may still know it (hosts file, a LAN DNS server)
    }
  }
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('lookup timed out'), { code: 'ETIMEOUT' })), timeoutMs)
  })
  try {
    const found = await Promise.race([lookup(host, { all: true, verbatim: true }), deadline])
    return found.map((a) => a.address)
  } finally {
    clearTimeout(timer)
  }
}

function emptyReading(target: ChargerTarget, address: string | null, readAt: string, warnings: string[], endpoints: EndpointReport[]): ChargerReading {
  return {
    host: target.host,
    port: target.port,
    address,
    readAt,
    reachable: false,
    firmware: null,
    partNumber: null,
    serialNumber: null,
    webService: null,
    wifi: { ssid: null, ssidEncoding: null, rssiDbm: null, snrDb: null, signalPercent: null, connected: null, internet: null, ip: null, mac: null },
    evseState: null,
    notReadyReasons: null,
    alerts: null,
    uptimeS: null,
    endpoints,
    warnings
  }
}

/** Picks the address to contact: the first allowed one, preferring IPv4 (what chargers use). */
function chooseAddress(addresses: readonly string[]): { address: string; scope: 'local' | 'public' } | null {
  const usable = addresses.filter((a) => addressScope(a) !== 'forbidden')
  const sorted = [...usable].sort((a, b) => isIP(a) - isIP(b))
  const localOne = sorted.find((a) => addressScope(a) === 'local')
  if (localOne !== undefined) return { address: localOne, scope: 'local' }
  const publicOne = sorted[0]
  return publicOne === undefined ? null : { address: publicOne, scope: 'public' }
}

async function readEndpoint(endpoint: ChargerEndpoint, target: ChargerTarget, address: string, options: ReadChargerOptions) {
  const answer = await boundedGet({
    address,
    port: target.port,
    hostHeader: target.host,
    path: `/api/1/${endpoint}`,
    timeoutMs: options.timeoutMs ?? DEFAULT_CHARGER_TIMEOUT_MS,
    maxBytes: options.maxBytes ?? MAX_ANSWER_BYTES,
    signal: options.signal
  })
  if (answer.kind === 'failed') {
    const report: EndpointReport = { endpoint, ok: false, status: answer.status, problem: answer.problem, repairs: [], ms: answer.ms }
    return { report, body: null }
  }
  const parsed = parseChargerJson(answer.body)
  if (!parsed.ok) {
    const report: EndpointReport = { endpoint, ok: false, status: answer.status, problem: parsed.problem, repairs: [], ms: answer.ms }
    return { report, body: null }
  }
  const report: EndpointReport = { endpoint, ok: true, status: answer.status, problem: null, repairs: [...parsed.repairs], ms: answer.ms }
  return { report, body: parsed.value }
}

/**
 * Reads one charger. Refuses (as a value) an address outside the policy unless `allowPublic`;
 * otherwise always returns a reading, with `reachable: false` and the reasons when nothing answered.
 */
export async function readCharger(target: ChargerTarget, options: ReadChargerOptions = {}): Promise<ReadChargerOutcome> {
  const now = options.now ?? (() => new Date().toISOString())
  const readAt = now()
  const timeoutMs = options.timeoutMs ?? DEFAULT_CHARGER_TIMEOUT_MS
  const shown = formatTarget(target)
  let addresses: readonly string[]
  if (isIP(target.host) !== 0) addresses = [target.host]
  else {
    try {
      addresses = await (options.resolve ?? systemResolve)(target.host, timeoutMs)
    } catch (error) {
      const code = errorCode(error)
      const why =
        code === 'ETIMEOUT'
          ? `looking up ${target.host} took longer than ${timeoutMs} ms`
          : isMdnsName(target.host)
            ? `no device answered to ${target.host} (mDNS): is this laptop on the chargers' network? Type the charger's IP address instead`
            : `the name ${target.host} was not found (${code ?? 'lookup failed'}): check it, or type the charger's IP address`
      return { ok: true, reading: emptyReading(target, null, readAt, [why], []) }
    }
  }
  const chosen = chooseAddress(addresses)
  if (chosen === null) {
    return { ok: false, reason: 'forbidden-address', address: addresses[0] ?? target.host, message: `${shown} is a multicast, broadcast or unspecified address, not a charger's.` }
  }
  if (chosen.scope === 'public' && options.allowPublic !== true) {
    return {
      ok: false,
      reason: 'needs-confirmation',
      address: chosen.address,
      message: `${shown}${chosen.address === target.host ? '' : ` (${chosen.address})`} is a public internet address, not one on the site's network. A Wall Connector has a private or link-local address; confirm only if you are sure this is the charger.`
    }
  }
  const results = await Promise.all(CHARGER_ENDPOINTS.map((e) => readEndpoint(e, target, chosen.address, options)))
  const warnings: string[] = []
  for (const { report } of results) {
    if (report.problem !== null) warnings.push(`${report.endpoint}: ${report.problem}`)
    for (const repair of report.repairs) warnings.push(`${report.endpoint}: ${repair}`)
  }
  const bodyOf = (e: ChargerEndpoint) => results[CHARGER_ENDPOINTS.indexOf(e)]?.body ?? null
  const version = versionFields(bodyOf('version'), warnings)
  const wifi = wifiFields(bodyOf('wifi_status'), warnings)
  const vitals = vitalsFields(bodyOf('vitals'), warnings)
  const endpoints = results.map((r) => r.report)
  return {
    ok: true,
    reading: {
      ...emptyReading(target, chosen.address, readAt, warnings, endpoints),
      reachable: endpoints.some((e) => e.status !== null),
      ...version,
      wifi,
      ...vitals
    }
  }
}
