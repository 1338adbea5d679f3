/** Small loopback servers (127.0.0.1 only) that misbehave on purpose, for the probe's unit tests. */
import { createSocket, type Socket } from 'node:dgram'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface UdpServer {
  readonly port: number
  close(): Promise<void>
}

/** A UDP server on loopback (127.0.0.1 by default) answering each datagram with `answer(msg)` (null: stay silent). */
export async function udpServer(answer: (msg: Buffer) => Buffer | null, host = '127.0.0.1'): Promise<UdpServer> {
  const socket: Socket = createSocket('udp4')
  socket.on('message', (msg, peer) => {
    const out = answer(msg)
    if (out) socket.send(out, peer.port, peer.address)
  })
  await new Promise<void>((resolve) => socket.bind(0, host, resolve))
  return { port: socket.address().port, close: () => new Promise((resolve) => socket.close(() => resolve())) }
}

/** A loopback port with nothing listening (bound, read, released). */
export async function closedUdpPort(): Promise<number> {
  const s = await udpServer(() => null)
  await s.close()
  return s.port
}

/** Builds a DNS reply for the query `q` with `rcode` and IPv4 answers. */
export function dnsReply(q: Buffer, rcode: number, ipv4: readonly string[], idDelta = 0): Buffer {
  const header = Buffer.from(q.subarray(0, 12))
  header.writeUInt16BE((q.readUInt16BE(0) + idDelta) & 0xffff, 0)
  header.writeUInt16BE(0x8180 | rcode, 2)
  header.writeUInt16BE(ipv4.length, 6)
  const qtype = q.readUInt16BE(q.length - 4)
  const records = qtype === 1 ? ipv4.map((a) => {
    const rr = Buffer.alloc(16)
    rr.writeUInt16BE(0xc00c, 0)
    rr.writeUInt16BE(1, 2)
    rr.writeUInt16BE(1, 4)
    rr.writeUInt32BE(30, 6)
    rr.writeUInt16BE(4, 10)
    Buffer.from(a.split('.').map(Number)).copy(rr, 12)
    return rr
  }) : []
  if (qtype !== 1) header.writeUInt16BE(0, 6)
  return Buffer.concat([header, q.subarray(12), ...records])
}

/** The question name of a DNS query. */
export function questionName(q: Buffer): string {
  const labels: string[] = []
  let o = 12
  while (q[o]) {
    const n = q[o] ?? 0
    labels.push(q.toString('latin1', o + 1, o + 1 + n))
    o += n + 1
  }
  return labels.join('.')
}

/** An SNTP server answering with stratum `stratum` (0 = kiss-o'-death RATE). */
export function ntpAnswer(stratum: number, mode = 4): (msg: Buffer) => Buffer {
  return (msg) => {
    const b = Buffer.alloc(48)
    b.writeUInt8((4 << 3) | mode, 0)
    b.writeUInt8(stratum, 1)
    if (stratum === 0) b.write('RATE', 12, 'latin1')
    else Buffer.from([127, 0, 0, 1]).copy(b, 12)
    msg.copy(b, 24, 40, 48)
    const now = Date.now()
    const ts = Buffer.alloc(8)
    ts.writeUInt32BE(Math.floor(now / 1000) + 2208988800, 0)
    ts.copy(b, 32)
    ts.copy(b, 40)
    return b
  }
}

export interface HttpServer {
  readonly port: number
  close(): Promise<void>
}

/** An HTTP server on 127.0.0.1 answering every request with status, headers and body. */
export async function httpServer(status: number, headers: Record<string, string>, body: string, host = '127.0.0.1'): Promise<HttpServer> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(status, headers)
    res.end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, host, resolve))
  return {
    // Cast: a listening TCP server's address() is an AddressInfo (a string only for pipes).
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  }
}
