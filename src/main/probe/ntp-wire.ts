/**
 * SNTP v4 wire format (RFC 4330 / RFC 5905): a 48-byte client request and the server's reply,
 * with the clock offset and round trip computed from the four timestamps.
 */

/** Seconds between the NTP era (1900) and the Unix epoch (1970). */
const NTP_UNIX_OFFSET = 2208988800

/** Encodes a Unix time in milliseconds as a 64-bit NTP timestamp. */
export function toNtpTimestamp(ms: number): Buffer {
  const out = Buffer.alloc(8)
  const seconds = Math.floor(ms / 1000) + NTP_UNIX_OFFSET
  const fraction = Math.floor(((ms % 1000) / 1000) * 0x100000000)
  out.writeUInt32BE(seconds >>> 0, 0)
  out.writeUInt32BE(fraction >>> 0, 4)
  return out
}

/** Decodes a 64-bit NTP timestamp at `offset` into Unix milliseconds. */
export function fromNtpTimestamp(buf: Buffer, offset: number): number {
  const seconds = buf.readUInt32BE(offset)
  const fraction = buf.readUInt32BE(offset + 4)
  return (seconds - NTP_UNIX_OFFSET) * 1000 + (fraction / 0x100000000) * 1000
}

/**
 * A client request (LI 0, VN 4, mode 3). The transmit timestamp doubles as the nonce the server
 * must echo in its origin field (RFC 5905 §8), which is how a reply is matched to this request.
 */
export function encodeRequest(transmit: Buffer): Buffer {
  const packet = Buffer.alloc(48)
  packet.writeUInt8((0 << 6) | (4 << 3) | 3, 0)
  transmit.copy(packet, 40)
  return packet
}

export type NtpReply =
  | {
      readonly ok: true
      readonly stratum: number
      readonly version: number
      readonly referenceId: string
      /** Server receive (T2) and transmit (T3) times, Unix ms. */
      readonly receiveMs: number
      readonly transmitMs: number
    }
  | { readonly ok: false; readonly problem: string }

/** Checks a reply against the request it answers; any problem makes it a `bad-reply`. */
export function decodeReply(msg: Buffer, sentTransmit: Buffer): NtpReply {
  if (msg.length < 48) return { ok: false, problem: `reply is ${msg.length} bytes, an NTP packet has at least 48` }
  const first = msg.readUInt8(0)
  const leap = first >> 6
  const version = (first >> 3) & 0x07
  const mode = first & 0x07
  const stratum = msg.readUInt8(1)
  const referenceId = msg.subarray(12, 16)
  if (mode !== 4) return { ok: false, problem: `reply has mode ${mode}, a server answers with mode 4` }
  if (version < 3 || version > 4) return { ok: false, problem: `reply has NTP version ${version}` }
  if (stratum === 0) {
    // Kiss-o'-death: the reference ID carries an ASCII code such as RATE or DENY (RFC 5905 §7.4).
    const code = referenceId.toString('latin1').replace(/[^\x20-\x7e]/g, '')
    return { ok: false, problem: `kiss-o'-death from the server (code ${code || 'none'})` }
  }
  if (stratum > 15) return { ok: false, problem: `server is unsynchronised (stratum ${stratum})` }
  if (leap === 3) return { ok: false, problem: 'server says its clock is unsynchronised (leap indicator 3)' }
  if (!msg.subarray(24, 32).equals(sentTransmit)) {
    return { ok: false, problem: 'reply does not echo this request (origin timestamp differs): spoofed or stale' }
  }
  const transmitMs = fromNtpTimestamp(msg, 40)
  if (msg.readUInt32BE(40) === 0) return { ok: false, problem: 'reply carries no transmit time' }
  return {
    ok: true,
    stratum,
    version,
    referenceId: stratum === 1 ? referenceId.toString('latin1').replace(/[^\x20-\x7e]/g, '') : [...referenceId].join('.'),
    receiveMs: fromNtpTimestamp(msg, 32),
    transmitMs
  }
}

/** Clock offset and round-trip delay (RFC 5905 §8) from the four timestamps, in ms. */
export function offsetAndDelay(t1: number, t2: number, t3: number, t4: number): { offsetMs: number; delayMs: number } {
  return { offsetMs: (t2 - t1 + (t3 - t4)) / 2, delayMs: t4 - t1 - (t3 - t2) }
}
