/**
 * NET-DNS for one host: a hand-built A query over UDP 53 to the network's resolver (so port 53
 * itself is tested), next to the OS resolvers' A/AAAA answer that the other checks connect to.
 */
import { randomInt } from 'node:crypto'
import { DNS_RCODE, DNS_TYPE, decodeResponse, encodeQuery, type DnsResponse } from './dns-wire'
import { failed, notRun, passed, type CheckOutcome } from './check-types'
import { describeKind, errorMessage } from './failure-kind'
import { isSinkholeAddress, type Resolution } from './address-book'
import { udpExchange, type UdpExchange } from './udp-exchange'

/** Result of the raw query: the parsed reply, or the exchange failure. */
export type RawDnsQuery =
  | { readonly ok: true; readonly response: DnsResponse; readonly rttMs: number }
  | (UdpExchange & { ok: false })
  | { readonly ok: false; readonly kind: 'bad-reply'; readonly detail: string; readonly elapsedMs: number }

/** Sends one A query for `host` to `server` over UDP and parses the matching reply. */
export async function rawDnsQuery(server: string, port: number, host: string, signal: AbortSignal, retryAfterMs: number): Promise<RawDnsQuery> {
  const id = randomInt(0, 0x10000)
  const query = encodeQuery(id, host, DNS_TYPE.A)
  let malformed: string | null = null
  const exchange = await udpExchange(
    server,
    port,
    query,
    (reply) => {
      if (reply.length < 2 || reply.readUInt16BE(0) !== id) return false
      try {
        const parsed = decodeResponse(reply)
        if (parsed.questionName.toLowerCase() !== host.toLowerCase()) {
          malformed = `the reply from ${server} is for "${parsed.questionName}", not ${host}`
        }
      } catch (error) {
        malformed = `the reply from ${server} is not a valid DNS message (${errorMessage(error)})`
      }
      return true
    },
    signal,
    retryAfterMs
  )
  if (!exchange.ok) return exchange
  if (malformed !== null) return { ok: false, kind: 'bad-reply', detail: malformed, elapsedMs: exchange.rttMs }
  return { ok: true, response: decodeResponse(exchange.reply), rttMs: exchange.rttMs }
}

function summariseOs(os: Resolution): string {
  if (!os.ok) return `the OS resolver failed: ${describeKind(os.kind)} (${os.detail})`
  return `the OS resolver gave ${[...os.ipv4, ...os.ipv6].join(', ')}`
}

/**
 * Judges one host from the raw UDP query and the OS resolution. The raw query decides the kind
 * (it sees timeouts, ICMP rejects and rcodes directly); the OS answer must agree for a pass.
 */
export function judgeDns(host: string, server: string | null, raw: RawDnsQuery | null, os: Resolution): CheckOutcome {
  if (server === null || raw === null) {
    return notRun('no network DNS server is known (resolv.conf lists none), so UDP 53 could not be tested')
  }
  const via = `UDP 53 to ${server}`
  if (!raw.ok) {
    if (raw.detail === 'cancelled') return notRun('cancelled')
    return failed(raw.kind, `${via}: ${describeKind(raw.kind)} — ${raw.detail}; ${summariseOs(os)}`)
  }
  const { response, rttMs } = raw
  const rcode = response.rcode
  if (rcode === DNS_RCODE.NXDOMAIN) {
    return failed('nxdomain', `${via}: ${server} says ${host} does not exist (NXDOMAIN): DNS filtering of this name?`, rttMs)
  }
  if (rcode === DNS_RCODE.REFUSED) {
    return failed('refused', `${via}: ${server} answered REFUSED for ${host} (it does not resolve for this client)`, rttMs)
  }
  if (rcode !== DNS_RCODE.NOERROR) {
    return failed('bad-reply', `${via}: ${server} answered with error code ${rcode} (SERVFAIL is 2) for ${host}`, rttMs)
  }
  const addresses = response.answers.filter((a) => a.type === DNS_TYPE.A).map((a) => a.data)
  if (addresses.length === 0) {
    return failed('wrong-answer', `${via}: ${server} answered ${host} with no IPv4 address`, rttMs)
  }
  const sinkholed = [...addresses, ...(os.ok ? [...os.ipv4, ...os.ipv6] : [])].filter(isSinkholeAddress)
  if (sinkholed.length > 0) {
    return failed('wrong-answer', `${via}: ${host} resolves to ${sinkholed.join(', ')}, a blocking (sinkhole) answer, not the service's address`, rttMs)
  }
  if (!os.ok) {
    return failed(os.kind, `${via} answered ${addresses.join(', ')}, but ${summariseOs(os)}`, rttMs)
  }
  return passed(rttMs, `A ${addresses.join(', ')} from ${server} over UDP 53; ${summariseOs(os)}`)
}
