/**
 * Where a charger check may send its requests: the target the user typed (`HOST[:PORT]`), and the
 * address policy. A Wall Connector sits on the site's LAN, so only private (RFC 1918, IPv6 ULA),
 * link-local and loopback addresses, and `.local` (mDNS) names, are read without asking; anything
 * else needs the user's confirmation, so a typo never sends traffic to a stranger on the internet.
 */
import { BlockList, isIP } from 'node:net'

/** The charger's API port (plain HTTP; HTTPS is not served: home-assistant/core#137770). */
export const CHARGER_PORT = 80

export interface ChargerTarget {
  /** Host name or address literal (IPv6 without brackets). */
  readonly host: string
  readonly port: number
}

/** Host names: letters, digits, `-` and `_` (TeslaWallConnector_<serial>.local has one) per label. */
const HOST_NAME = /^(?=.{1,253}$)(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/

/**
 * Parses `HOST`, `HOST:PORT`, `[IPv6]:PORT`, a bare IPv6 address, or a pasted `http://HOST[:PORT]/…`
 * URL. Returns the target, or a sentence saying what is wrong.
 */
export function parseChargerTarget(input: string, defaultPort: number = CHARGER_PORT): ChargerTarget | string {
  let text = input.trim()
  if (text.length === 0) return 'Type the charger\'s address or host name, e.g. 192.168.1.50 or TeslaWallConnector_ABC123.local.'
  if (text.length > 300) return 'That address is too long to be a charger\'s.'
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)
  if (scheme) {
    if (scheme[1]?.toLowerCase() !== 'http') return 'The charger\'s API is plain HTTP: type its address without https:// (or with http://).'
    text = text.slice(scheme[0].length).replace(/[/?#].*$/, '')
  }
  let host = text
  let portText: string | null = null
  const bracketed = /^\[([^\]]+)\](?::(\d*))?$/.exec(text)
  if (bracketed) {
    host = bracketed[1] ?? ''
    portText = bracketed[2] ?? null
    if (isIP(host) !== 6) return `"${host}" is not an IPv6 address.`
  } else if (isIP(text) === 6) {
    host = text
  } else {
    const colon = text.lastIndexOf(':')
    if (colon >= 0) {
      host = text.slice(0, colon)
      portText = text.slice(colon + 1)
    }
  }
  let port = defaultPort
  if (portText !== null) {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) return 'The port must be a number from 1 to 65535.'
    port = Number(portText)
  }
  if (isIP(host) === 0 && !HOST_NAME.test(host)) {
    return 'That is not an address or host name: use digits and dots (192.168.1.50), or letters, digits, "-", "_" and dots.'
  }
  return { host: host.replace(/\.$/, ''), port }
}

/** How an address may be used: `local` needs no confirmation. */
export type AddressScope = 'local' | 'public' | 'forbidden'

const local = new BlockList()
local.addSubnet('10.0.0.0', 8, 'ipv4')
local.addSubnet('172.16.0.0', 12, 'ipv4')
local.addSubnet('192.168.0.0', 16, 'ipv4')
local.addSubnet('169.254.0.0', 16, 'ipv4') // link-local (a charger without DHCP)
local.addSubnet('127.0.0.0', 8, 'ipv4') // this computer: never leaves it (the tests' fake charger)
local.addSubnet('fc00::', 7, 'ipv6') // unique local
local.addSubnet('fe80::', 10, 'ipv6') // link-local
local.addAddress('::1', 'ipv6')

const forbidden = new BlockList()
forbidden.addSubnet('0.0.0.0', 8, 'ipv4')
forbidden.addSubnet('224.0.0.0', 4, 'ipv4') // multicast
forbidden.addSubnet('240.0.0.0', 4, 'ipv4') // reserved, broadcast
forbidden.addSubnet('ff00::', 8, 'ipv6')
forbidden.addAddress('::', 'ipv6')

/** The scope of an address literal. IPv4-mapped IPv6 addresses are judged as their IPv4 address. */
export function addressScope(address: string): AddressScope {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  const ip = mapped?.[1] ?? address.replace(/%.*$/, '')
  const family = isIP(ip) === 4 ? 'ipv4' : isIP(ip) === 6 ? 'ipv6' : null
  if (family === null) return 'forbidden'
  if (forbidden.check(ip, family)) return 'forbidden'
  return local.check(ip, family) ? 'local' : 'public'
}

/** Is this a multicast DNS name (`*.local`)? */
export function isMdnsName(host: string): boolean {
  return /\.local\.?$/i.test(host)
}

/** `host:port` for messages, with brackets around IPv6. */
export function formatTarget(target: ChargerTarget): string {
  const host = isIP(target.host) === 6 ? `[${target.host}]` : target.host
  return target.port === CHARGER_PORT ? host : `${host}:${target.port}`
}
