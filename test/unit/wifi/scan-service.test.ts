/** The live loop and snapshots over a fake scanner; sleeps are recorded, not waited. */
import { describe, expect, it } from 'vitest'
import type { EventName, Events, ScanError } from '../../../src/shared/contract'
import { createScanService } from '../../../src/main/wifi/scan-service'
import type { ScanOutcome, Scanner } from '../../../src/main/wifi/scanners/scanner'
import { emptyDraft, finish } from '../../../src/main/wifi/parsers/observation-draft'

const bss = (signal: number) => finish({ ...emptyDraft('replay'), bssid: '02:00:00:00:00:01', band: '2.4', channel: 1, signalDbm: signal })

function harness(outcomes: (ScanOutcome | (() => ScanOutcome))[], minIntervalMs = 0) {
  const events: { name: EventName; payload: Events[EventName] }[] = []
  const sleeps: number[] = []
  let calls = 0
  let clock = 0
  let inFlight = 0
  let maxInFlight = 0
  const scanner: Scanner = {
    name: 'fake',
    minIntervalMs,
    scan: async () => {
      const next = outcomes[Math.min(calls, outcomes.length - 1)]
      calls++
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      await new Promise((r) => setTimeout(r, 1))
      inFlight--
      clock += 500 // each scan takes 0.5 s of simulated time
      if (!next) throw new Error('no outcome')
      return typeof next === 'function' ? next() : next
    }
  }
  const service = createScanService({
    scanner,
    emit: (name, payload) => events.push({ name, payload }),
    now: () => clock,
    // Yield to the event loop so the test can act between iterations.
    sleep: async (ms) => {
      sleeps.push(ms)
      clock += ms
      await new Promise((r) => setTimeout(r, 1))
    }
  })
  return { service, events, sleeps, calls: () => calls, maxInFlight: () => maxInFlight }
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 2))
  expect(cond()).toBe(true)
}

describe('scan loop', () => {
  it('pushes scanning/sample/waiting events; interval never below 2 s; next scan counts from the start of the last', async () => {
    const h = harness([{ ok: true, observations: [bss(-50)], skipped: 1, warnings: ['w'] }])
    const started = await h.service.start({})
    expect(started).toMatchObject({ ok: true, intervalMs: 2000 })
    await until(() => h.events.filter((e) => e.name === 'scan:sample').length >= 2)
    if (!started.ok) return
    await h.service.stop(started.sessionId)
    // Cast: the name checked in the same expression fixes the payload type.
    const names = h.events.map((e) => (e.name === 'scan:status' ? `status:${(e.payload as Events['scan:status']).state}` : e.name))
    expect(names.slice(0, 4)).toEqual(['status:scanning', 'scan:sample', 'status:waiting', 'status:scanning'])
    expect(names.at(-1)).toBe('status:stopped')
    // Cast: the event found by name carries that event's payload.
    const sample = h.events.find((e) => e.name === 'scan:sample')?.payload as Events['scan:sample']
    expect(sample).toMatchObject({ sessionId: started.sessionId, skipped: 1, warnings: ['w'] })
    expect(sample.observations[0]?.signalDbm).toBe(-50)
    // 2000 ms interval minus the 500 ms the scan took.
    expect(h.sleeps[0]).toBe(1500)
  })

  it('one loop at a time: a second start returns the running session; a requested interval is honoured', async () => {
    const h = harness([{ ok: true, observations: [], skipped: 0, warnings: [] }])
    const a = await h.service.start({ intervalMs: 5000 })
    const b = await h.service.start({ intervalMs: 2000 })
    expect(b).toEqual(a)
    await until(() => h.sleeps.length >= 1)
    expect(h.sleeps[0]).toBe(4500)
    await h.service.dispose()
  })

  it('a failing scan is an error status (with help), and the loop retries after at least 5 s', async () => {
    const error: ScanError = { reason: 'tool-missing', message: 'no iw', help: ['apt install iw'] }
    const h = harness([{ ok: false, error }])
    await h.service.start({})
    await until(() => h.sleeps.length >= 1)
    await h.service.dispose()
    // Cast: the name checked in the same expression fixes the payload type.
    expect(h.events.find((e) => e.name === 'scan:status' && (e.payload as Events['scan:status']).state === 'error')?.payload).toMatchObject({ error })
    expect(h.sleeps[0]).toBe(4500)
  })
})

describe('snapshot', () => {
  it('without a live loop: N scans of its own, progress events, median signal', async () => {
    const signals = [-70, -50, -60]
    let i = 0
    const h = harness([() => ({ ok: true, observations: [bss(signals[i++] ?? -99)], skipped: 0, warnings: [] })])
    const result = await h.service.snapshot({ scans: 3 })
    expect(result).toMatchObject({ ok: true, scanCount: 3 })
    if (result.ok) expect(result.observations[0]?.signalDbm).toBe(-60)
    expect(h.events.filter((e) => e.name === 'scan:progress').map((e) => e.payload)).toEqual([
      { done: 0, total: 3 },
      { done: 1, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 }
    ])
    expect(h.sleeps).toEqual([1500, 1500])
  })

  it('with the live loop running: reuses its next scans instead of scanning in parallel', async () => {
    const h = harness([{ ok: true, observations: [bss(-40)], skipped: 0, warnings: [] }])
    await h.service.start({})
    const result = await h.service.snapshot({ scans: 2 })
    expect(result).toMatchObject({ ok: true, scanCount: 2 })
    // The loop's scans only (the one in flight when asked, and the next): never two at once.
    expect(h.calls()).toBeLessThanOrEqual(3)
    expect(h.maxInFlight()).toBe(1)
    expect(h.events.filter((e) => e.name === 'scan:sample').length).toBeGreaterThanOrEqual(2)
    await h.service.dispose()
  })

  it('a failing scan fails the snapshot with the reason and help; a second snapshot at once is busy', async () => {
    const error: ScanError = { reason: 'location-denied', message: 'Windows refused', help: ['Allow location'] }
    const h = harness([{ ok: false, error }])
    const [first, second] = await Promise.all([h.service.snapshot({ scans: 2 }), h.service.snapshot({ scans: 2 })])
    expect(first).toEqual({ ok: false, reason: 'location-denied', message: 'Windows refused', help: ['Allow location'] })
    expect(second).toMatchObject({ ok: false, reason: 'busy' })
  })
})
