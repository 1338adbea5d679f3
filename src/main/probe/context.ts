/**
 * The network context of a run: which interface the probes leave through, the Wi-Fi network the
 * laptop is on, its address, gateway and DNS servers, and warnings when the run would not speak
 * for the chargers' network (another SSID, a cable plugged in as well). Best effort: what cannot
 * be read is null, never guessed.
 */
import { readFile, access } from 'node:fs/promises'
import { networkInterfaces } from 'node:os'
import type { ProbeContext } from '../../shared/model/probe'

/** Runs a program with an argument array (never a shell) and gives its stdout. */
export type ExecFileFn = (file: string, args: readonly string[], timeoutMs: number) => Promise<string>

export interface ContextDeps {
  readonly platform: NodeJS.Platform
  readonly execFile: ExecFileFn
  /** Read a text file; rejects when missing. */
  readonly readText: (path: string) => Promise<string>
  /** Resolves when the path exists. */
  readonly exists: (path: string) => Promise<boolean>
  readonly interfaces: () => ReturnType<typeof networkInterfaces>
}

/** Interface names as the kernel allows them; anything else never reaches a command line. */
export function isValidInterfaceName(name: string): boolean {
  return /^[A-Za-z0-9_.:@-]{1,15}$/.test(name) && !name.startsWith('-')
}

export interface DefaultRoute {
  readonly iface: string
  readonly gateway: string
}

/** The default IPv4 route with the lowest metric from /proc/net/route. */
export function parseProcNetRoute(text: string): DefaultRoute | null {
  let best: (DefaultRoute & { metric: number }) | null = null
  for (const line of text.split('\n').slice(1)) {
    const [iface, destination, gatewayHex, , , , metric, mask] = line.trim().split(/\s+/)
    if (iface === undefined || gatewayHex === undefined || metric === undefined || mask === undefined) continue
    if (destination !== '00000000' || mask !== '00000000' || !isValidInterfaceName(iface)) continue
    const g = Number.parseInt(gatewayHex, 16)
    // /proc/net/route prints the address in host (little-endian) byte order.
    const gateway = [g & 0xff, (g >>> 8) & 0xff, (g >>> 16) & 0xff, (g >>> 24) & 0xff].join('.')
    const m = Number.parseInt(metric, 10)
    if (best === null || m < best.metric) best = { iface, gateway, metric: m }
  }
  return best ? { iface: best.iface, gateway: best.gateway } : null
}

/** The SSID from `iw dev <if> link` ("SSID: name"), null when not connected. */
export function parseIwLink(text: string): string | null {
  const match = /^\s*SSID: (.*)$/m.exec(text)
  return match?.[1] ?? null
}

/** The active SSID from `nmcli -t -f active,ssid dev wifi` (terse mode escapes ':' and '\'). */
export function parseNmcliActive(text: string): string | null {
  for (const line of text.split('\n')) {
    if (!line.startsWith('yes:')) continue
    return line.slice(4).replace(/\\(.)/g, '$1')
  }
  return null
}

async function readSsid(deps: ContextDeps, iface: string): Promise<string | null> {
  const iw = await deps.execFile('iw', ['dev', iface, 'link'], 2000).then(parseIwLink, () => null)
  if (iw !== null) return iw
  return deps.execFile('nmcli', ['-t', '-f', 'active,ssid', 'dev', 'wifi'], 3000).then(parseNmcliActive, () => null)
}

async function isWireless(deps: ContextDeps, iface: string): Promise<boolean> {
  return (await deps.exists(`/sys/class/net/${iface}/wireless`)) || (await deps.exists(`/sys/class/net/${iface}/phy80211`))
}

/** Physical, non-wireless interfaces that are up with an IPv4 address: a cable is plugged in. */
async function wiredInterfaces(deps: ContextDeps): Promise<string[]> {
  const found: string[] = []
  for (const [name, addresses] of Object.entries(deps.interfaces())) {
    if (!isValidInterfaceName(name) || !addresses?.some((a) => a.family === 'IPv4' && !a.internal)) continue
    const physical = await deps.exists(`/sys/class/net/${name}/device`)
    if (!physical || (await isWireless(deps, name))) continue
    const state = (await deps.readText(`/sys/class/net/${name}/operstate`).catch(() => 'unknown')).trim()
    if (state === 'up') found.push(name)
  }
  return found
}

/** Reads the context; `dnsServers` come from the run's resolver list, `targetSsid` from the survey. */
export async function readContext(deps: ContextDeps, dnsServers: readonly string[], targetSsid: string | null): Promise<ProbeContext> {
  const warnings: string[] = []
  let iface: string | null = null
  let gateway: string | null = null
  if (deps.platform === 'linux') {
    const route = parseProcNetRoute(await deps.readText('/proc/net/route').catch(() => ''))
    iface = route?.iface ?? null
    gateway = route?.gateway ?? null
  }
  const all = deps.interfaces()
  if (iface === null) {
    // Other platforms (and Linux without /proc): the first non-internal IPv4 interface.
    iface = Object.entries(all).find(([, a]) => a?.some((x) => x.family === 'IPv4' && !x.internal))?.[0] ?? null
  }
  const localIp = iface ? (all[iface]?.find((a) => a.family === 'IPv4' && !a.internal)?.address ?? null) : null
  let ssid: string | null = null
  let wired: boolean | null = null
  if (deps.platform === 'linux' && iface !== null && isValidInterfaceName(iface)) {
    const wireless = await isWireless(deps, iface)
    ssid = wireless ? await readSsid(deps, iface) : null
    const cables = await wiredInterfaces(deps)
    wired = cables.length > 0
    if (!wireless) {
      warnings.push(`The probes leave through ${iface}, which is not a Wi-Fi interface: they test that network, not the chargers' Wi-Fi.`)
    } else if (ssid === null) {
      warnings.push(`Could not read which Wi-Fi network ${iface} is on${targetSsid ? `: make sure it is "${targetSsid}"` : ''}.`)
    }
    if (cables.length > 0) {
      warnings.push(`A wired connection is up (${cables.join(', ')}): probes may leave through it instead of the Wi-Fi. Unplug the cable and run again.`)
    }
  } else if (iface === null) {
    warnings.push('No network interface with an IPv4 address: this computer is offline, so nothing can be reached. Join the chargers\' Wi-Fi network and run again.')
  }
  if (deps.platform === 'linux' && localIp !== null && gateway === null) {
    warnings.push(`No default route on ${iface}: only the local network can be reached, no internet host. Join a network with internet access (the chargers' Wi-Fi) and run again.`)
  }
  if (targetSsid && ssid !== null && ssid !== targetSsid) {
    warnings.push(`This computer is on "${ssid}", not the survey's network "${targetSsid}": the results are for "${ssid}". Join "${targetSsid}" and run again.`)
  }
  if (targetSsid && ssid === null && deps.platform !== 'linux') {
    warnings.push(`Could not read the Wi-Fi network name: make sure this computer is on "${targetSsid}".`)
  }
  if (dnsServers.length === 0) warnings.push('No DNS server is configured (resolv.conf lists none).')
  return { interface: iface, ssid, localIp, gateway, dnsServers: [...dnsServers], wired, warnings }
}

/** The real system: files, `os.networkInterfaces`, and the given execFile. */
export function systemContextDeps(platform: NodeJS.Platform, execFile: ExecFileFn): ContextDeps {
  return {
    platform,
    execFile,
    readText: (path) => readFile(path, 'utf8'),
    exists: (path) => access(path).then(() => true, () => false),
    interfaces: networkInterfaces
  }
}
