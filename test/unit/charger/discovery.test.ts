/**
 * mDNS discovery's reading of answers, on a fake link (real multicast runs in the lab namespaces:
 * test/lab/charger-mdns.test.ts). Records are what a responder announcing
 * TeslaWallConnector_<serial>.local sends.
 */
import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { chargerSerialOf, discoverChargers, resolveMdns, type MdnsLink } from '../../../src/main/charger/discovery'

class FakeLink extends EventEmitter implements MdnsLink {
  readonly queries: string[] = []
  destroyed = false
  constructor(private readonly answer: (q: { name: string; type: string }) => object | null) {
    super()
  }
  query(questions: readonly { name: string; type: string }[]): void {
    for (const q of questions) {
      this.queries.push(`${q.type} ${q.name}`)
      const packet = this.answer(q)
      if (packet) setTimeout(() => this.emit('response', packet), 5)
    }
  }
  destroy(): void {
    this.destroyed = true
  }
}

describe('chargerSerialOf', () => {
  it.each([
    ['TeslaWallConnector_B7S24024J01612.local', 'B7S24024J01612'],
    ['teslawallconnector_abc123.local.', 'abc123'],
    ['TeslaWallConnector_.local', null],
    ['TeslaWallConnector_X.local.evil.com', null],
    ['printer.local', null]
  ])('%s → %s', (name, serial) => {
    expect(chargerSerialOf(name)).toBe(serial)
  })
})

describe('discoverChargers', () => {
  it('keeps the chargers of every answer, with their addresses; ignores other devices; closes the link', async () => {
    const link = new FakeLink((q) =>
      q.name === '_http._tcp.local'
        ? {
            answers: [
              { name: '_http._tcp.local', type: 'PTR', data: 'TeslaWallConnector_B7S24024J01612._http._tcp.local' },
              { name: '_http._tcp.local', type: 'PTR', data: 'Printer._http._tcp.local' }
            ],
            additionals: [
              { name: 'TeslaWallConnector_B7S24024J01612._http._tcp.local', type: 'SRV', data: { target: 'TeslaWallConnector_B7S24024J01612.local', port: 80 } },
              { name: 'TeslaWallConnector_B7S24024J01612.local', type: 'A', data: '10.20.0.21' },
              { name: 'printer.local', type: 'A', data: '10.20.0.99' }
            ]
          }
        : q.name === 'TeslaWallConnector_PGT11111111111.local'
          ? { answers: [{ name: 'TeslaWallConnector_PGT11111111111.local', type: 'A', data: '10.20.0.22' }] }
          : q.name === '_services._dns-sd._udp.local'
            ? { answers: [{ name: '_tedapi._tcp.local', type: 'PTR', data: 'TeslaWallConnector_PGT11111111111._tedapi._tcp.local' }], additionals: [{ name: 'x', type: 'SRV', data: { target: 'TeslaWallConnector_PGT11111111111.local', port: 443 } }] }
            : null
    )
    const heard: string[] = []
    const result = await discoverChargers({ timeoutMs: 400, open: () => link, onFound: (c) => heard.push(`${c.host} ${c.addresses.join(',')}`) })
    expect(result.error).toBeNull()
    // Order of arrival depends on timers: compare sorted by host (B7S… before PGT…).
    expect([...result.chargers].sort((a, b) => a.host.localeCompare(b.host))).toEqual([
      { host: 'TeslaWallConnector_B7S24024J01612.local', serial: 'B7S24024J01612', addresses: ['10.20.0.21'] },
      { host: 'TeslaWallConnector_PGT11111111111.local', serial: 'PGT11111111111', addresses: ['10.20.0.22'] }
    ])
    expect(heard.length).toBeGreaterThanOrEqual(4) // each charger once when heard, once per address learned
    expect(link.queries).toContain('PTR _services._dns-sd._udp.local')
    expect(link.queries).toContain('A TeslaWallConnector_PGT11111111111.local') // asked for the address it lacked
    expect(link.destroyed).toBe(true)
  })

  it('a link that cannot listen: an error message, no chargers', async () => {
    const link = new FakeLink(() => null)
    setTimeout(() => link.emit('error', Object.assign(new Error('bind EADDRINUSE 0.0.0.0:5353'), { code: 'EADDRINUSE' })), 10)
    const result = await discoverChargers({ timeoutMs: 2000, open: () => link })
    expect(result).toMatchObject({ chargers: [], cancelled: false })
    expect(result.error).toContain('EADDRINUSE')
  })

  it('cancel ends it at once', async () => {
    const controller = new AbortController()
    const link = new FakeLink(() => null)
    setTimeout(() => controller.abort(), 20)
    const result = await discoverChargers({ timeoutMs: 10000, open: () => link, signal: controller.signal })
    expect(result.cancelled).toBe(true)
    expect(link.destroyed).toBe(true)
  })

  it('reports progress up to the time limit', async () => {
    const seen: number[] = []
    await discoverChargers({ timeoutMs: 600, open: () => new FakeLink(() => null), onProgress: (e, t) => seen.push(e / t) })
    expect(seen.length).toBeGreaterThanOrEqual(1)
    expect(seen.every((f) => f >= 0 && f <= 1)).toBe(true)
  })
})

describe('resolveMdns', () => {
  it('answers with the A record of the name asked', async () => {
    const link = new FakeLink((q) => (q.type === 'A' ? { answers: [{ name: 'teslawallconnector_abc.local', type: 'A', data: '169.254.3.4' }] } : null))
    expect(await resolveMdns('TeslaWallConnector_ABC.local', 500, () => link)).toEqual(['169.254.3.4'])
  })
  it('rejects with ENOTFOUND when nobody answers', async () => {
    await expect(resolveMdns('TeslaWallConnector_ABC.local', 100, () => new FakeLink(() => null))).rejects.toMatchObject({ code: 'ENOTFOUND' })
  })
})
