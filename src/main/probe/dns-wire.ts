/**
 * DNS wire format (RFC 1035), just enough for one A/AAAA question and its answer: the probe sends
 * its own UDP 53 packet so that the port itself is tested, not a cache or DoH of the OS.
 */

/** Record types the probe asks for. */
export const DNS_TYPE = { A: 1, CNAME: 5, AAAA: 28 } as const

/** Response codes the probe tells apart (RFC 1035 §4.1.1). */
export const DNS_RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 } as const

/** Builds a standard recursive query for one name and type. */
export function encodeQuery(id: number, name: string, type: number): Buffer {
  const labels = name.replace(/\.$/, '').split('.')
  const parts: Buffer[] = []
  const header = Buffer.alloc(12)
  header.writeUInt16BE(id & 0xffff, 0)
  header.writeUInt16BE(0x0100, 2) // RD: ask the resolver to recurse, as a stub resolver does
  header.writeUInt16BE(1, 4) // QDCOUNT
  parts.push(header)
  for (const label of labels) {
    const bytes = Buffer.from(label, 'ascii')
    if (bytes.length === 0 || bytes.length > 63) throw new RangeError(`invalid DNS label in ${name}`)
    parts.push(Buffer.from([bytes.length]), bytes)
  }
  const tail = Buffer.alloc(5)
  tail.writeUInt8(0, 0)
  tail.writeUInt16BE(type, 1)
  tail.writeUInt16BE(1, 3) // class IN
  parts.push(tail)
  return Buffer.concat(parts)
}

export interface DnsAnswer {
  readonly name: string
  readonly type: number
  readonly ttl: number
  /** Dotted IPv4, IPv6 text, or the target name of a CNAME; '' for other types. */
  readonly data: string
}

export interface DnsResponse {
  readonly id: number
  readonly rcode: number
  readonly truncated: boolean
  readonly questionName: string
  readonly questionType: number
  readonly answers: readonly DnsAnswer[]
}

/** Parses a response; throws a RangeError on malformed input (the caller reports `bad-reply`). */
export function decodeResponse(msg: Buffer): DnsResponse {
  if (msg.length < 12) throw new RangeError('DNS reply shorter than its header')
  const id = msg.readUInt16BE(0)
  const flags = msg.readUInt16BE(2)
  if ((flags & 0x8000) === 0) throw new RangeError('DNS packet is a query, not a reply')
  const qd = msg.readUInt16BE(4)
  const an = msg.readUInt16BE(6)
  let offset = 12
  let questionName = ''
  let questionType = 0
  for (let i = 0; i < qd; i++) {
    const q = readName(msg, offset)
    need(msg, q.next + 4)
    if (i === 0) {
      questionName = q.name
      questionType = msg.readUInt16BE(q.next)
    }
    offset = q.next + 4
  }
  const answers: DnsAnswer[] = []
  for (let i = 0; i < an; i++) {
    const n = readName(msg, offset)
    need(msg, n.next + 10)
    const type = msg.readUInt16BE(n.next)
    const ttl = msg.readUInt32BE(n.next + 4)
    const length = msg.readUInt16BE(n.next + 8)
    const start = n.next + 10
    need(msg, start + length)
    answers.push({ name: n.name, type, ttl, data: rdata(msg, type, start, length) })
    offset = start + length
  }
  return { id, rcode: flags & 0x000f, truncated: (flags & 0x0200) !== 0, questionName, questionType, answers }
}

function rdata(msg: Buffer, type: number, start: number, length: number): string {
  if (type === DNS_TYPE.A && length === 4) return [...msg.subarray(start, start + 4)].join('.')
  if (type === DNS_TYPE.AAAA && length === 16) {
    const groups: string[] = []
    for (let i = 0; i < 16; i += 2) groups.push(msg.readUInt16BE(start + i).toString(16))
    return compressIpv6(groups)
  }
  if (type === DNS_TYPE.CNAME) return readName(msg, start).name
  return ''
}

/** RFC 5952 text form: the longest run of zero groups becomes '::'. */
function compressIpv6(groups: readonly string[]): string {
  let best = -1
  let bestLength = 0
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') {
      i++
      continue
    }
    let j = i
    while (j < groups.length && groups[j] === '0') j++
    if (j - i > bestLength && j - i > 1) {
      best = i
      bestLength = j - i
    }
    i = j
  }
  if (best < 0) return groups.join(':')
  return `${groups.slice(0, best).join(':')}::${groups.slice(best + bestLength).join(':')}`
}

function need(msg: Buffer, end: number): void {
  if (end > msg.length) throw new RangeError('DNS reply truncated in the middle of a record')
}

/** Reads a possibly compressed name; `next` is the offset after it in the original position. */
function readName(msg: Buffer, start: number): { name: string; next: number } {
  const labels: string[] = []
  let offset = start
  let next = -1
  // A pointer loop would never end: RFC 1035 pointers only go backwards, and a name has at most
  // 127 labels, so more jumps than that means a hostile or broken packet.
  for (let jumps = 0; jumps < 128; jumps++) {
    need(msg, offset + 1)
    const length = msg.readUInt8(offset)
    if (length === 0) {
      return { name: labels.join('.'), next: next < 0 ? offset + 1 : next }
    }
    if ((length & 0xc0) === 0xc0) {
      need(msg, offset + 2)
      if (next < 0) next = offset + 2
      offset = msg.readUInt16BE(offset) & 0x3fff
      continue
    }
    if ((length & 0xc0) !== 0) throw new RangeError('DNS reply uses an unknown label type')
    need(msg, offset + 1 + length)
    labels.push(msg.toString('latin1', offset + 1, offset + 1 + length))
    offset += 1 + length
  }
  throw new RangeError('DNS reply has a name compression loop')
}
