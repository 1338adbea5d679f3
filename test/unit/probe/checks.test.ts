/**
 * Each check against loopback servers that misbehave on purpose: DNS (NET-DNS), SNTP (NET-NTP),
 * HTTP with captive portals (NET-HTTP, WIFI-PORTAL). The real-firewall cases are in test/lab.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { judgeDns, rawDnsQuery } from '../../../src/main/probe/dns-check'
import { httpCheck, portalEvidence } from '../../../src/main/probe/http-check'
import { ntpCheck } from '../../../src/main/probe/ntp-check'
import type { Resolution } from '../../../src/main/probe/address-book'
import { closedUdpPort, dnsReply, httpServer, ntpAnswer, questionName, udpServer, type HttpServer, type UdpServer } from './loopback-servers'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()))
})
function track<T extends UdpServer | HttpServer>(s: T): T {
  cleanups.push(() => s.close())
  return s
}
const ms = (n: number) => AbortSignal.timeout(n)
const osOk: Resolution = { ok: true, ipv4: ['192.0.2.10'], ipv6: [] }

describe('DNS check over UDP 53 (NET-DNS)', () => {
  async function dnsServer(): Promise<UdpServer> {
    return track(
      await udpServer((q) => {
        const name = questionName(q)
        if (name === 'gone.test') return dnsReply(q, 3, [])
        if (name === 'sink.test') return dnsReply(q, 0, ['0.0.0.0'])
        if (name === 'refuse.test') return dnsReply(q, 5, [])
        if (name === 'spoof.test') return dnsReply(q, 0, ['192.0.2.66'], 1)
        if (name === 'junk.test') return Buffer.from([q[0] ?? 0, q[1] ?? 0, 0x81, 0x80, 0, 1])
        if (name === 'silent.test') return null
        return dnsReply(q, 0, ['192.0.2.10'])
      })
    )
  }

  it('passes with the A record when both the raw query and the OS resolver answer', async () => {
    const s = await dnsServer()
    const raw = await rawDnsQuery('127.0.0.1', s.port, 'ok.test', ms(1000), 500)
    const out = judgeDns('ok.test', '127.0.0.1', raw, osOk)
    expect(out.outcome).toBe('pass')
    expect(out.detail).toContain('A 192.0.2.10 from 127.0.0.1')
    expect(out.latencyMs).not.toBeNull()
  })

  it.each([
    ['gone.test', 'nxdomain'],
    ['sink.test', 'wrong-answer'],
    ['refuse.test', 'refused'],
    ['junk.test', 'bad-reply']
  ])('%s fails as %s', async (host, kind) => {
    const s = await dnsServer()
    const out = judgeDns(host, '127.0.0.1', await rawDnsQuery('127.0.0.1', s.port, host, ms(1000), 500), osOk)
    expect([out.outcome, out.kind]).toEqual(['fail', kind])
  })

  it('ignores a reply with another ID (spoofed) and times out', async () => {
    const s = await dnsServer()
    const raw = await rawDnsQuery('127.0.0.1', s.port, 'spoof.test', ms(600), 300)
    expect(judgeDns('spoof.test', '127.0.0.1', raw, osOk)).toMatchObject({ outcome: 'fail', kind: 'timeout' })
  })

  it('a closed port (ICMP port unreachable) is refused, not a timeout', async () => {
    const port = await closedUdpPort()
    const start = performance.now()
    const raw = await rawDnsQuery('127.0.0.1', port, 'ok.test', ms(3000), 1500)
    expect(judgeDns('ok.test', '127.0.0.1', raw, osOk)).toMatchObject({ outcome: 'fail', kind: 'refused' })
    expect(performance.now() - start).toBeLessThan(1000)
  })

  it('fails with the OS resolver\'s kind when only the OS resolver fails', async () => {
    const s = await dnsServer()
    const raw = await rawDnsQuery('127.0.0.1', s.port, 'ok.test', ms(1000), 500)
    const out = judgeDns('ok.test', '127.0.0.1', raw, { ok: false, kind: 'timeout', detail: 'ETIMEOUT' })
    expect([out.outcome, out.kind]).toEqual(['fail', 'timeout'])
    expect(out.detail).toContain('the OS resolver failed')
  })

  it('is not run (never passed) when no resolver is known', () => {
    expect(judgeDns('ok.test', null, null, osOk).outcome).toBe('not-run')
  })
})

describe('SNTP check over UDP 123 (NET-NTP)', () => {
  it('passes with stratum, offset and round trip', async () => {
    const s = track(await udpServer(ntpAnswer(3)))
    const out = await ntpCheck('pool.ntp.org', '127.0.0.1', s.port, ms(1000), 500)
    expect(out.outcome).toBe('pass')
    expect(out.detail).toMatch(/^stratum 3, offset [+−][\d.]+ ms, round trip [\d.]+ ms/)
  })

  it.each([
    ['a kiss-o\'-death', ntpAnswer(0), /kiss-o'-death .*RATE/],
    ['a reply in client mode', ntpAnswer(2, 3), /mode 3/]
  ])('%s is a bad reply', async (_name, answer, detail) => {
    const s = track(await udpServer(answer))
    const out = await ntpCheck('time.nist.gov', '127.0.0.1', s.port, ms(1000), 500)
    expect([out.outcome, out.kind]).toEqual(['fail', 'bad-reply'])
    expect(out.detail).toMatch(detail)
  })

  it('silence is a timeout and a closed port is refused', async () => {
    const s = track(await udpServer(() => null))
    expect(await ntpCheck('pool.ntp.org', '127.0.0.1', s.port, ms(500), 250)).toMatchObject({ outcome: 'fail', kind: 'timeout' })
    const port = await closedUdpPort()
    expect(await ntpCheck('pool.ntp.org', '127.0.0.1', port, ms(2000), 1000)).toMatchObject({ outcome: 'fail', kind: 'refused' })
  })
})

describe('HTTP check on TCP 80 (NET-HTTP, WIFI-PORTAL)', () => {
  it.each([
    [302, { Location: 'http://login.hotel-wifi.example/portal' }, '', 'captive-portal'],
    [511, {}, 'authenticate', 'captive-portal'],
    [200, { 'Content-Type': 'text/html' }, '<form action="/auth"><input type="password" name="p"></form>', 'captive-portal'],
    [301, { Location: 'https://am-i-online-prd.sn.tesla.services/' }, '', null],
    [404, {}, 'not found', null],
    [200, {}, 'ok', null]
  ])('HTTP %i %j is %s', async (status, headers, body, kind) => {
    const s = track(await httpServer(status, headers, body))
    const out = await httpCheck('am-i-online-prd.sn.tesla.services', '127.0.0.1', s.port, ms(2000))
    expect(out.kind).toBe(kind)
    expect(out.outcome).toBe(kind === null ? 'pass' : 'fail')
  })

  it('a closed port is refused', async () => {
    const s = await httpServer(200, {}, '')
    await s.close()
    expect(await httpCheck('a.test', '127.0.0.1', s.port, ms(2000))).toMatchObject({ outcome: 'fail', kind: 'refused' })
  })

  it('recognises a meta refresh to another host and ignores same-host redirects', () => {
    expect(portalEvidence('a.test', { status: 200, location: null, body: '<meta http-equiv="refresh" content="0;url=http://portal.lan/">' })).toMatch(/portal\.lan/)
    expect(portalEvidence('a.test', { status: 302, location: '/other', body: '' })).toBeNull()
  })
})
