import { describe, expect, it } from 'vitest'
import type { ScanSample } from '../../../src/shared/contract'
import { createScanStore } from '../../../src/renderer/src/state/scan-store'
import { fakeApi, obs } from './helpers'

/** A frame scheduler the test advances by hand. */
function frames() {
  const queue: (() => void)[] = []
  return {
    schedule: (f: () => void) => void queue.push(f),
    pending: () => queue.length,
    flush: () => {
      for (const f of queue.splice(0)) f()
    }
  }
}

const T0 = Date.parse('2026-01-01T10:00:00Z')
const sample = (t: number, observations = [obs()], over: Partial<ScanSample> = {}): ScanSample => ({
  sessionId: 's1',
  at: new Date(t).toISOString(),
  observations,
  skipped: 0,
  warnings: [],
  ...over
})

describe('scan store', () => {
  it('subscribes to scan:sample and scan:status, and lets go on dispose', () => {
    const api = fakeApi()
    const store = createScanStore(api, { schedule: frames().schedule })
    expect(api.listenerCount('scan:sample')).toBe(1)
    expect(api.listenerCount('scan:status')).toBe(1)
    store.dispose()
    expect(api.listenerCount('scan:sample')).toBe(0)
    expect(api.listenerCount('scan:status')).toBe(0)
  })

  it('publishes a burst of samples once, on the next frame', () => {
    const api = fakeApi()
    const f = frames()
    const store = createScanStore(api, { schedule: f.schedule, now: () => 5 })
    let published = 0
    store.subscribe(() => (published += 1))
    const before = store.getSnapshot()
    api.emit('scan:sample', sample(T0, [obs({ bssid: 'a' })]))
    api.emit('scan:sample', sample(T0 + 1000, [obs({ bssid: 'a', signalDbm: -55 }), obs({ bssid: 'b' })]))
    api.emit('scan:sample', sample(T0 + 2000, [obs({ bssid: 'a', signalDbm: -52 })], { skipped: 2 }))
    expect(published).toBe(0)
    expect(store.getSnapshot()).toBe(before)
    expect(f.pending()).toBe(1)
    f.flush()
    expect(published).toBe(1)
    const s = store.getSnapshot()
    expect(s.sampleCount).toBe(3)
    expect([...s.networks.keys()].sort()).toEqual(['a|2.4', 'b|2.4'])
    expect(s.networks.get('a|2.4')).toMatchObject({ firstSeen: T0, lastSeen: T0 + 2000 })
    expect(s.networks.get('b|2.4')?.lastSeen).toBe(T0 + 1000)
    expect(s.history.get('a|2.4')?.toArray().map((p) => p.dbm)).toEqual([-60, -55, -52])
    expect(s.latest).toHaveLength(1)
    expect([s.lastSkipped, s.skippedTotal]).toEqual([2, 2])
    expect(s.lastSampleAt).toBe(T0 + 2000)
    expect(s.lastReceivedAt).toBe(5)
    expect(s.phase).toBe('scanning')
  })

  it('keeps one MAC on 2.4 and 5 GHz as two BSSes, each with its own signal history', () => {
    const api = fakeApi()
    const f = frames()
    const store = createScanStore(api, { schedule: f.schedule, now: () => 5 })
    const on24 = obs({ bssid: 'ac:22:05:e6:ff:41', signalDbm: -41 })
    const on5 = obs({ bssid: 'ac:22:05:e6:ff:41', band: '5', channel: 36, frequencyMhz: 5180, channelWidthMhz: 80, signalDbm: -30 })
    api.emit('scan:sample', sample(T0, [on24, on5]))
    f.flush()
    const s = store.getSnapshot()
    expect([...s.networks.keys()].sort()).toEqual(['ac:22:05:e6:ff:41|2.4', 'ac:22:05:e6:ff:41|5'])
    expect(s.history.get('ac:22:05:e6:ff:41|2.4')?.toArray().map((p) => p.dbm)).toEqual([-41])
    expect(s.history.get('ac:22:05:e6:ff:41|5')?.toArray().map((p) => p.dbm)).toEqual([-30])
  })

  it('keeps memory flat: history capped per BSS, BSSs unseen for a window evicted', () => {
    const api = fakeApi()
    const f = frames()
    const store = createScanStore(api, { schedule: f.schedule, windowMs: 60_000, maxPoints: 50 })
    // 300 BSS for 10 simulated minutes at 1 Hz; BSS "gone" only in the first minute.
    const bss = Array.from({ length: 300 }, (_, i) => obs({ bssid: `b${i}` }))
    api.emit('scan:sample', sample(T0, [...bss, obs({ bssid: 'gone' })]))
    for (let s = 1; s <= 600; s += 1) api.emit('scan:sample', sample(T0 + s * 1000, bss))
    f.flush()
    const st = store.getSnapshot()
    expect(st.networks.size).toBe(300)
    expect(st.networks.has('gone|2.4')).toBe(false)
    expect(st.history.has('gone|2.4')).toBe(false)
    const sizes = [...st.history.values()].map((r) => r.size)
    expect(Math.max(...sizes)).toBe(50)
    expect(st.history.get('b0|2.4')?.toArray()[0]?.t).toBe(T0 + 551_000)
  })

  it('also drops points older than the window when the cap is larger than the window', () => {
    const api = fakeApi()
    const f = frames()
    const store = createScanStore(api, { schedule: f.schedule, windowMs: 10_000, maxPoints: 1000 })
    for (let s = 0; s <= 30; s += 1) api.emit('scan:sample', sample(T0 + s * 1000))
    f.flush()
    const pts = store.getSnapshot().history.get('aa:bb:cc:00:00:01|2.4')?.toArray() ?? []
    expect(pts.map((p) => (p.t - T0) / 1000)).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30])
  })

  it('starts and stops a session through the contract', async () => {
    const api = fakeApi()
    const f = frames()
    const store = createScanStore(api, { schedule: f.schedule })
    await store.start(3000)
    expect(api.calls[0]).toEqual({ name: 'scan:start', args: [{ intervalMs: 3000 }] })
    f.flush()
    expect(store.getSnapshot()).toMatchObject({ sessionId: 's1', intervalMs: 2000, phase: 'scanning', error: null })
    api.emit('scan:status', { sessionId: 's1', state: 'waiting', error: null })
    f.flush()
    expect(store.getSnapshot().phase).toBe('waiting')
    await store.stop()
    f.flush()
    expect(api.calls[1]).toEqual({ name: 'scan:stop', args: ['s1'] })
    expect(store.getSnapshot().phase).toBe('stopped')
  })

  it('shows a failed start as an error with its message', async () => {
    const api = fakeApi()
    api.answers['scan:start'] = () => ({ ok: false, reason: 'tool-missing', message: 'nmcli not found: install network-manager.' })
    const f = frames()
    const store = createScanStore(api, { schedule: f.schedule })
    await store.start()
    f.flush()
    expect(store.getSnapshot().phase).toBe('error')
    expect(store.getSnapshot().error).toEqual({ reason: 'tool-missing', message: 'nmcli not found: install network-manager.', help: [] })
  })

  it('shows a broken transport as an error instead of throwing', async () => {
    const api = fakeApi()
    api.answers['scan:start'] = () => {
      throw new Error('socket closed')
    }
    const f = frames()
    const store = createScanStore(api, { schedule: f.schedule })
    await expect(store.start()).resolves.toBeUndefined()
    f.flush()
    expect(store.getSnapshot().error?.message).toMatch(/socket closed/)
  })

  it('takes errors from scan:status, ignores other sessions, and clears them on a good sample', async () => {
    const api = fakeApi()
    const f = frames()
    const store = createScanStore(api, { schedule: f.schedule })
    await store.start()
    const error = { reason: 'location-denied' as const, message: 'Windows refused the scan.', help: ['Open Settings › Privacy › Location', 'Allow desktop apps'] }
    api.emit('scan:status', { sessionId: 'other', state: 'error', error })
    f.flush()
    expect(store.getSnapshot().error).toBeNull()
    api.emit('scan:status', { sessionId: 's1', state: 'error', error })
    f.flush()
    expect(store.getSnapshot()).toMatchObject({ phase: 'error', error })
    api.emit('scan:status', { sessionId: 's1', state: 'scanning', error: null })
    api.emit('scan:sample', sample(T0))
    f.flush()
    expect(store.getSnapshot().error).toBeNull()
  })
})
