/**
 * Reads the resolvers the OS hands to programs (/etc/resolv.conf), and, behind a local stub
 * such as systemd-resolved's 127.0.0.53, the upstream resolvers the network provided by DHCP.
 */
import { readFile } from 'node:fs/promises'
import { isIP } from 'node:net'

/** Where systemd-resolved writes the resolvers it got from the network (not its stub). */
export const SYSTEMD_UPSTREAM_RESOLV_CONF = '/run/systemd/resolve/resolv.conf'

/** The `nameserver` addresses of a resolv.conf text, in order, invalid lines skipped. */
export function parseResolvConf(text: string): string[] {
  const servers: string[] = []
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim()
    const match = /^nameserver\s+(\S+)$/.exec(line)
    const server = match?.[1]
    if (server === undefined) continue
    // A scoped IPv6 address (fe80::1%wlan0) is valid for the resolver but not for isIP.
    if (isIP(server.split('%')[0] ?? '') !== 0) servers.push(server)
  }
  return servers
}

/** True for loopback stubs (systemd-resolved, dnsmasq on the laptop) that only relay. */
export function isLocalStub(address: string): boolean {
  return address.startsWith('127.') || address === '::1'
}

export interface Resolvers {
  /** What programs on this computer use (resolv.conf). */
  readonly os: readonly string[]
  /** The network's resolvers behind a local stub, or the OS list when there is no stub. */
  readonly network: readonly string[]
  /** The file the OS list came from, for messages. */
  readonly source: string
}

/**
 * Reads the OS resolvers and the network-provided ones; unreadable files give empty lists, then
 * `fallback` (Windows has no resolv.conf: c-ares reads its resolvers from the registry).
 */
export async function readResolvers(
  path: string,
  upstreamPath: string = SYSTEMD_UPSTREAM_RESOLV_CONF,
  fallback: () => string[] = () => []
): Promise<Resolvers> {
  const fromFile = parseResolvConf(await readFile(path, 'utf8').catch(() => ''))
  const os = fromFile.length > 0 ? fromFile : fallback()
  let network = os.filter((a) => !isLocalStub(a))
  if (network.length === 0 && os.some(isLocalStub)) {
    network = parseResolvConf(await readFile(upstreamPath, 'utf8').catch(() => '')).filter((a) => !isLocalStub(a))
  }
  return { os, network: network.length > 0 ? network : os, source: path }
}
