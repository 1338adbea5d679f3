/**
 * NET-NTP for one host: a real SNTP v4 exchange on UDP 123, reporting stratum, clock offset and
 * round trip; a kiss-o'-death, stratum 0 or a reply in the wrong mode is a `bad-reply`.
 */
import { decodeReply, encodeRequest, offsetAndDelay, toNtpTimestamp } from './ntp-wire'
import { failed, notRun, passed, type CheckOutcome } from './check-types'
import { describeKind } from './failure-kind'
import { udpExchange } from './udp-exchange'

/** One SNTP exchange with `address` (a resolved address of `host`). */
export async function ntpCheck(host: string, address: string, port: number, signal: AbortSignal, retryAfterMs: number): Promise<CheckOutcome> {
  const t1 = Date.now()
  const transmit = toNtpTimestamp(t1)
  // The transmit timestamp is the nonce; only a reply that echoes it is this exchange's reply.
  const exchange = await udpExchange(address, port, encodeRequest(transmit), (reply) => reply.length < 48 || reply.subarray(24, 32).equals(transmit), signal, retryAfterMs)
  const t4 = Date.now()
  if (!exchange.ok) {
    if (exchange.detail === 'cancelled') return notRun('cancelled')
    return failed(exchange.kind, `UDP 123 to ${host} (${address}): ${describeKind(exchange.kind)} — ${exchange.detail}`)
  }
  const reply = decodeReply(exchange.reply, transmit)
  if (!reply.ok) return failed('bad-reply', `UDP 123 to ${host} (${address}): ${reply.problem}`, exchange.rttMs)
  const { offsetMs, delayMs } = offsetAndDelay(t1, reply.receiveMs, reply.transmitMs, t4)
  const sign = offsetMs >= 0 ? '+' : '−'
  return passed(
    exchange.rttMs,
    `stratum ${reply.stratum}, offset ${sign}${Math.abs(offsetMs).toFixed(1)} ms, round trip ${Math.max(0, delayMs).toFixed(1)} ms (${address}, NTPv${reply.version}, reference ${reply.referenceId})`
  )
}
