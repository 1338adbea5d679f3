/**
 * The TLS check (NET-TLS) against loopback TLS servers with certificates made by openssl at test
 * time: a trusted chain passes, an untrusted one says "TLS inspection suspected" with issuer and
 * fingerprint, a certificate for another name is a hostname mismatch, a non-TLS answer is a bad reply.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer as createNetServer, type AddressInfo, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, type Server as TlsServer } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tlsCheck } from '../../../src/main/probe/tls-check'
import { skipFor } from '../../support/requires'

const hasOpenssl = ['/usr/bin/openssl', '/bin/openssl'].some((p) => existsSync(p))
const skip = skipFor('unit', hasOpenssl ? null : 'openssl is needed to make the TLS test certificates (apt-get install openssl)')

describe.skipIf(skip)('TLS check (NET-TLS)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wc-tls-'))
  let ca = ''
  const servers: (TlsServer | Server)[] = []
  let port = 0
  let plainPort = 0

  beforeAll(async () => {
    const o = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' })
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
    o(['req', '-x509', ...ec, '-days', '2', '-subj', '/CN=Unit Test CA', '-keyout', 'ca.key', '-out', 'ca.pem', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign'])
    writeFileSync(join(dir, 'ext'), 'subjectAltName=DNS:hermes-prd.sn.tesla.services\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n')
    o(['req', ...ec, '-subj', '/CN=hermes-prd.sn.tesla.services', '-keyout', 'leaf.key', '-out', 'leaf.csr'])
    o(['x509', '-req', '-in', 'leaf.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-set_serial', '7', '-days', '2', '-extfile', 'ext', '-out', 'leaf.pem'])
    ca = readFileSync(join(dir, 'ca.pem'), 'utf8')
    const tls = createServer({ key: readFileSync(join(dir, 'leaf.key')), cert: readFileSync(join(dir, 'leaf.pem')) }, (s) => s.end())
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r))
    // Cast: a listening TCP server's address() is an AddressInfo (a string only for pipes).
    port = (tls.address() as AddressInfo).port
    const plain = createNetServer((s) => s.end('HTTP/1.1 400 Bad Request\r\n\r\n'))
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r))
    // Cast: as above, a TCP server.
    plainPort = (plain.address() as AddressInfo).port
    servers.push(tls, plain)
  })

  afterAll(async () => {
    // close() would wait for half-open handshakes; the servers are dropped with the worker.
    for (const s of servers) s.close().unref()
    rmSync(dir, { recursive: true, force: true })
  })

  const signal = () => AbortSignal.timeout(3000)

  it('passes when the chain leads to a trusted root and the name matches', async () => {
    const out = await tlsCheck('hermes-prd.sn.tesla.services', '127.0.0.1', port, signal(), [ca])
    expect(out.outcome).toBe('pass')
    expect(out.detail).toContain('chain valid')
  })

  it('an untrusted chain is TLS inspection suspected, with issuer, subject and SHA-256 fingerprint', async () => {
    const out = await tlsCheck('hermes-prd.sn.tesla.services', '127.0.0.1', port, signal())
    expect([out.outcome, out.kind]).toEqual(['fail', 'untrusted-certificate'])
    expect(out.detail).toContain('TLS inspection suspected')
    expect(out.detail).toContain('issuer CN=Unit Test CA')
    expect(out.detail).toContain('subject CN=hermes-prd.sn.tesla.services')
    expect(out.detail).toMatch(/SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}/)
  })

  it('a trusted certificate for another name is a hostname mismatch', async () => {
    const out = await tlsCheck('maestro-prd.sn.tesla.services', '127.0.0.1', port, signal(), [ca])
    expect([out.outcome, out.kind]).toEqual(['fail', 'hostname-mismatch'])
  })

  it('a server that does not speak TLS is a bad reply', async () => {
    const out = await tlsCheck('hermes-prd.sn.tesla.services', '127.0.0.1', plainPort, signal(), [ca])
    expect([out.outcome, out.kind]).toEqual(['fail', 'bad-reply'])
  })
})
