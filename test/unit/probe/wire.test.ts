/** DNS and SNTP wire formats (NET-DNS, NET-NTP): what the probe sends and how it reads replies. */
import { describe, expect, it } from 'vitest'
import { DNS_TYPE, decodeResponse, encodeQuery } from '../../../src/main/probe/dns-wire'
import { decodeReply, encodeRequest, fromNtpTimestamp, offsetAndDelay, toNtpTimestamp } from '../../../src/main/probe/ntp-wire'

/** A reply to `query` with the given rcode and answers, using a compression pointer to the question. */
function reply(query: Buffer, rcode: number, answers: { type: number; data: Buffer }[]): Buffer {
  const header = Buffer.from(query.subarray(0, 12))
  header.writeUInt16BE(0x8180 | rcode, 2)
  header.writeUInt16BE(answers.length, 6)
  const records = answers.map(({ type, data }) => {
    const rr = Buffer.alloc(12)
    rr.writeUInt16BE(0xc00c, 0) // pointer to the question name at offset 12
    rr.writeUInt16BE(type, 2)
    rr.writeUInt16BE(1, 4)
    rr.writeUInt32BE(60, 6)
    rr.writeUInt16BE(data.length, 10)
    return Buffer.concat([rr, data])
  })
  return Buffer.concat([header, query.subarray(12), ...records])
}

describe('DNS wire (NET-DNS)', () => {
  it('encodes a recursive A query with the ID, name labels, type and class', () => {
    const q = encodeQuery(0x1234, 'pool.ntp.org', DNS_TYPE.A)
    expect(q.readUInt16BE(0)).toBe(0x1234)
    expect(q.readUInt16BE(2)).toBe(0x0100)
    expect(q.subarray(12).toString('latin1')).toBe('\u0004pool\u0003ntp\u0003org\u0000\u0000\u0001\u0000\u0001')
  })

  it('rejects labels longer than 63 bytes', () => {
    expect(() => encodeQuery(1, `${'a'.repeat(64)}.example`, DNS_TYPE.A)).toThrow(RangeError)
  })

  it('decodes A, AAAA and CNAME answers through compression pointers', () => {
    const q = encodeQuery(7, 'hermes-prd.sn.tesla.services', DNS_TYPE.A)
    const v6 = Buffer.alloc(16)
    v6.writeUInt16BE(0x2001, 0)
    v6.writeUInt16BE(0x0db8, 2)
    v6.writeUInt16BE(1, 14)
    const r = decodeResponse(
      reply(q, 0, [
        { type: DNS_TYPE.CNAME, data: Buffer.from([0xc0, 0x0c]) },
        { type: DNS_TYPE.A, data: Buffer.from([10, 231, 2, 80]) },
        { type: DNS_TYPE.AAAA, data: v6 }
      ])
    )
    expect(r.id).toBe(7)
    expect(r.rcode).toBe(0)
    expect(r.questionName).toBe('hermes-prd.sn.tesla.services')
    expect(r.answers.map((a) => a.data)).toEqual(['hermes-prd.sn.tesla.services', '10.231.2.80', '2001:db8::1'])
  })

  it('reads the NXDOMAIN rcode', () => {
    const q = encodeQuery(9, 'time.nist.gov', DNS_TYPE.A)
    expect(decodeResponse(reply(q, 3, [])).rcode).toBe(3)
  })

  it('throws on a query echoed back, a truncated record and a pointer loop', () => {
    const q = encodeQuery(9, 'time.nist.gov', DNS_TYPE.A)
    expect(() => decodeResponse(q)).toThrow(/query, not a reply/)
    const full = reply(q, 0, [{ type: DNS_TYPE.A, data: Buffer.from([1, 2, 3, 4]) }])
    expect(() => decodeResponse(full.subarray(0, full.length - 2))).toThrow(/truncated/)
    const loop = Buffer.from(full)
    loop.writeUInt16BE(0xc000 | q.length, q.length) // the answer's name points at itself
    expect(() => decodeResponse(loop)).toThrow(RangeError)
  })
})

describe('SNTP wire (NET-NTP)', () => {
  it('round-trips a timestamp to the millisecond', () => {
    const ms = Date.UTC(2026, 10, 24, 4, 30, 0, 123)
    expect(Math.abs(fromNtpTimestamp(toNtpTimestamp(ms), 0) - ms)).toBeLessThan(1)
  })

  it('builds a v4 client request carrying the nonce in the transmit field', () => {
    const nonce = toNtpTimestamp(1_700_000_000_000)
    const req = encodeRequest(nonce)
    expect(req).toHaveLength(48)
    expect(req[0]).toBe(0x23)
    expect(req.subarray(40, 48).equals(nonce)).toBe(true)
  })

  function serverReply(nonce: Buffer, patch: (b: Buffer) => void = () => {}): Buffer {
    const b = Buffer.alloc(48)
    b.writeUInt8((0 << 6) | (4 << 3) | 4, 0)
    b.writeUInt8(2, 1)
    Buffer.from([192, 0, 2, 1]).copy(b, 12)
    nonce.copy(b, 24)
    toNtpTimestamp(1_700_000_000_010).copy(b, 32)
    toNtpTimestamp(1_700_000_000_011).copy(b, 40)
    patch(b)
    return b
  }

  it('accepts a mode-4 reply that echoes the nonce', () => {
    const nonce = toNtpTimestamp(1_700_000_000_000)
    const r = decodeReply(serverReply(nonce), nonce)
    expect(r).toMatchObject({ ok: true, stratum: 2, version: 4, referenceId: '192.0.2.1' })
  })

  it.each([
    ['kiss-o\'-death', (b: Buffer) => { b.writeUInt8(0, 1); b.write('RATE', 12, 'latin1') }, /kiss-o'-death .*RATE/],
    ['client mode', (b: Buffer) => b.writeUInt8(0x23, 0), /mode 3/],
    ['unsynchronised leap', (b: Buffer) => b.writeUInt8(0xe4, 0), /unsynchronised/],
    ['stratum 16', (b: Buffer) => b.writeUInt8(16, 1), /stratum 16/],
    ['another request\'s nonce', (b: Buffer) => b.writeUInt32BE(1, 24), /does not echo/]
  ])('rejects a reply with %s', (_name, patch, problem) => {
    const nonce = toNtpTimestamp(1_700_000_000_000)
    const r = decodeReply(serverReply(nonce, patch), nonce)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problem).toMatch(problem)
  })

  it('computes offset and delay from the four timestamps (RFC 5905)', () => {
    expect(offsetAndDelay(1000, 1510, 1512, 1022)).toEqual({ offsetMs: 500, delayMs: 20 })
  })
})
