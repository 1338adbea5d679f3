/**
 * The watch engine with an injected clock, sleep, scanner and check: hours of watch in
 * milliseconds. Every expected figure is worked out by hand from the scripted scans below.
 */
import { describe, expect, it } from 'vitest'
import type { Observation } from '../../../src/shared/model/observation'
import type { WatchRecord } from '../../../src/shared/model/watch'
import { PROFILE } from '../../../src/shared/requirements/profile'
import { ruleStability } from '../../../src/shared/requirements/stability-rule'
import { MAX_BUCKETS, RECENT_WINDOW_MS } from '../../../src/shared/watch/record'
import { summarizeWatch } from '../../../src/shared/watch/summary'
import { startWatch, type LightCheck } from '../../../src/main/watch/watch-engine'
import type { ScanOutcome } from '../../../src/main/wifi/scanners/scanner'
import { makeObservation } from '../../support/survey-builders'

const SSID = 'Garage-IoT'
const T0 = Date.UTC(2026, 10, 20, 18, 0, 0)
const MIN = 60_000
const AP1 = 'aa:bb:cc:00:00:01'
const AP2 = 'aa:bb:cc:00:00:02'

/** A fake world: the clock only moves when the engine sleeps or a scan takes time. */
function world(script: (elapsedMs: number) => Observation[] | 'fail', opts: { scanMs?: number; jumps?: ReadonlyMap<number, number> } = {}) {
  let now = T0
  let scans = 0
  const scanner = {
    name: 'fake',
    minIntervalMs: 2000,
    async scan(): Promise<ScanOutcome> {
      scans += 1
      // A "jump" after scan N: the laptop slept for that long.
      now += (opts.scanMs ?? 0) + (opts.jumps?.get(scans) ?? 0)
      const obs = script(now - T0)
      if (obs === 'fail') return { ok: false, error: { reason: 'no-adapter', message: 'no adapter', help: [] } }
      return { ok: true, observations: obs, skipped: 0, warnings: [] }
    }
  }
  return {
    scanner,
    now: () => now,
    sleep: async (ms: number) => {
      now += ms
    },
    get scans() {
      return scans
    }
  }
}

const at = (bssid: string, dbm: number, extra: Partial<Observation> = {}): Observation => makeObservation({ bssid, signalDbm: dbm, ...extra })

describe('watch engine (injected clock and scanner)', () => {
  it('two hours at 2 s: a one-minute drop at 0:30 is counted, timed and kept, memory stays bounded', async () => {
    // Heard at -60 dBm except from 30:00 (inclusive) to 31:00 (exclusive): 30 scans at 2 s missing.
    const w = world((e) => (e >= 30 * MIN && e < 31 * MIN ? [] : [at(AP1, -60)]))
    const updates: WatchRecord[] = []
    const h = startWatch({ scanner: w.scanner, now: w.now, sleep: w.sleep, check: null }, { id: 'w1', ssid: SSID, durationMs: 120 * MIN, intervalMs: 2000, checkEveryMs: 0 }, (r) => updates.push(r))
    const r = await h.done
    // Scans at 0, 2, 4, … s until 7200 s watched: 0 … 7200 inclusive is 3601 scans.
    expect(r.scans).toBe(3601)
    expect(r.missing).toBe(30)
    expect(r.drops).toBe(1)
    expect(r.state).toBe('finished')
    const drop = r.events.find((e) => e.kind === 'drop')
    expect(drop).toMatchObject({ t: T0 + 30 * MIN, untilT: T0 + 31 * MIN })
    // Full resolution only for the last 30 min (and the scan at its edge); older in minute buckets.
    expect(r.samples.length).toBe(RECENT_WINDOW_MS / 2000 + 1)
    expect(r.samples[0]?.t).toBe(T0 + 90 * MIN)
    expect(r.buckets.length).toBe(90)
    expect(r.buckets[30]).toMatchObject({ t0: T0 + 30 * MIN, scans: 30, missing: 30, minDbm: null })
    expect(r.buckets[29]).toMatchObject({ scans: 30, missing: 0, minDbm: -60, maxDbm: -60, meanDbm: -60 })
    const s = summarizeWatch(r, PROFILE.parameters.signal)
    expect(s).toMatchObject({ samples: 3601, durationS: 7200, minDbm: -60, p5Dbm: -60, medianDbm: -60, drops: 1, missingShare: Math.round((30 / 3601) * 10000) / 10000, belowFailShare: 0 })
    // 30 of 3601 scans missing is 0.8 %: under the 5 % setting, so WIFI-STABLE passes.
    expect(ruleStability(r, PROFILE.parameters).result).toBe('pass')
    // The state change at start, each scan, and the end.
    expect(updates.length).toBe(3601 + 2)
  })

  it('quantiles come from every scan, also after downsampling: min / p5 / median by hand', async () => {
    // 100 scans (0…198 s): the first 10 at -80, the next 10 at -70, the rest at -60.
    const w = world((e) => {
      const i = e / 2000
      return [at(AP1, i < 10 ? -80 : i < 20 ? -70 : -60)]
    })
    const h = startWatch({ scanner: w.scanner, now: w.now, sleep: w.sleep, check: null }, { id: 'w', ssid: SSID, durationMs: 198_000, intervalMs: 2000, checkEveryMs: 0 }, () => {})
    const r = await h.done
    expect(r.scans).toBe(100)
    const s = summarizeWatch(r, PROFILE.parameters.signal)
    // p5 = 5th lowest of 100 → -80; median = 50th lowest → -60; below -67: 20 scans; below -75: 10.
    expect([s.minDbm, s.p5Dbm, s.medianDbm]).toEqual([-80, -80, -60])
    expect([s.belowPassShare, s.belowFailShare, s.missingShare]).toEqual([0.2, 0.1, 0])
    // 10 % below the fail threshold is over the 5 % setting.
    const f = ruleStability(r, PROFILE.parameters)
    expect(f.result).toBe('warn')
    expect(f.evidence).toContain('min -80 dBm, p5 -80 dBm, median -60 dBm')
    expect(f.evidence).toContain('below -67 dBm 20 % of the time, below -75 dBm 10 %')
  })

  it('a roam between BSSes and a co-channel newcomer are events with their times', async () => {
    const w = world((e) => {
      const obs = e < 10_000 ? [at(AP1, -55), at(AP2, -70)] : [at(AP1, -72), at(AP2, -58)]
      if (e >= 20_000) obs.push(makeObservation({ ssid: 'Neighbour', bssid: 'de:ad:be:ef:00:01', signalDbm: -65 }))
      return obs
    })
    const h = startWatch({ scanner: w.scanner, now: w.now, sleep: w.sleep, check: null }, { id: 'w', ssid: SSID, durationMs: 30_000, intervalMs: 2000, checkEveryMs: 0 }, () => {})
    const r = await h.done
    expect(r.roams).toBe(1)
    expect(r.events.map((e) => [e.kind, e.t - T0])).toEqual([
      ['roam', 10_000],
      ['co-channel', 20_000]
    ])
    expect(r.events[0]?.detail).toBe(`best BSS ${AP1} (channel 6) → ${AP2} (channel 6)`)
    expect(r.events[1]?.detail).toBe('new on channel 6: "Neighbour" de:ad:be:ef:00:01')
    expect(r.samples[r.samples.length - 1]?.coChannel).toBe(1)
  })

  it('a sleeping laptop is a gap: not watched, not signal, shown on the timeline', async () => {
    // After the 5th scan the laptop sleeps 20 minutes.
    const w = world(() => [at(AP1, -60)], { jumps: new Map([[5, 20 * MIN]]) })
    const h = startWatch({ scanner: w.scanner, now: w.now, sleep: w.sleep, check: null }, { id: 'w', ssid: SSID, durationMs: 20_000, intervalMs: 2000, checkEveryMs: 0 }, () => {})
    const r = await h.done
    const gap = r.events.find((e) => e.kind === 'gap')
    // Scans at 0, 2, 4, 6 s, then the 5th ends 20 min after it started at 8 s.
    expect(gap).toMatchObject({ t: T0 + 6000, untilT: T0 + 8000 + 20 * MIN })
    // Watched: 6 s, one interval for the scan after the gap (8 s); that scan overran its interval, so
    // the next starts at once (+0 s), then 2 s steps to 20 s: 5 + 1 + 6 scans.
    expect(r.watchedMs).toBe(20_000)
    expect(r.scans).toBe(12)
    expect(summarizeWatch(r, PROFILE.parameters.signal).gaps).toHaveLength(1)
  })

  it('pause and resume: no scans while paused, the paused time is not watched', async () => {
    const w = world(() => [at(AP1, -60)])
    let h: ReturnType<typeof startWatch> | null = null
    let paused = false
    h = startWatch({ scanner: w.scanner, now: w.now, sleep: w.sleep, check: null }, { id: 'w', ssid: SSID, durationMs: 10_000, intervalMs: 2000, checkEveryMs: 0 }, (r, change) => {
      if (change === 'scan' && r.scans === 3 && !paused) {
        paused = true
        h?.pause()
        // Resume "10 minutes later".
        setTimeout(() => {
          void w.sleep(10 * MIN)
          h?.resume()
        }, 5)
      }
    })
    const r = await h.done
    // 0, 2, 4 s; pause; a scan at once on resume (it stands for no watched time), then 6, 8, 10 s.
    expect(w.scans).toBe(7)
    expect(r.watchedMs).toBe(10_000)
    const pause = r.events.find((e) => e.kind === 'paused')
    expect(pause?.untilT).toBe((pause?.t ?? 0) + 10 * MIN)
    expect(r.events.some((e) => e.kind === 'gap')).toBe(false)
  })

  it('stop ends the watch early with state stopped and the samples so far', async () => {
    const w = world(() => [at(AP1, -60)])
    let h: ReturnType<typeof startWatch> | null = null
    h = startWatch({ scanner: w.scanner, now: w.now, sleep: w.sleep, check: null }, { id: 'w', ssid: SSID, durationMs: 60 * MIN, intervalMs: 2000, checkEveryMs: 0 }, (r, change) => {
      if (change === 'scan' && r.scans === 4) void h?.stop()
    })
    const r = await h.done
    expect([r.state, r.scans]).toEqual(['stopped', 4])
  })

  it('connectivity checks every 30 s; intermittent failures warn and name their times', async () => {
    const w = world(() => [at(AP1, -55)])
    // Fails when started at 60 s and 90 s of the watch.
    const check: LightCheck = async () => {
      const e = w.now() - T0
      return e === 60_000 || e === 90_000 ? ['DNS h3-hermes-prd.sn.tesla.services: timeout'] : []
    }
    const h = startWatch({ scanner: w.scanner, now: w.now, sleep: w.sleep, check }, { id: 'w', ssid: SSID, durationMs: 4 * MIN, intervalMs: 2000, checkEveryMs: 30_000 }, () => {})
    const r = await h.done
    // Checks at 0, 30, …, 240 s: 9 (the one at 240 s starts with the last scan).
    expect(r.checksRun).toBe(9)
    expect(r.checksFailed).toBe(2)
    expect(r.checks.filter((c) => !c.ok).map((c) => c.t - T0)).toEqual([60_000, 90_000])
    const f = ruleStability(r, PROFILE.parameters)
    expect(f.result).toBe('warn')
    expect(f.explanation).toContain('2 of 9 connectivity checks failed now and then')
    expect(f.evidence).toContain('18:01:00 UTC DNS h3-hermes-prd.sn.tesla.services: timeout, 18:01:30 UTC DNS')
  })

  it('a failed scan is neither a sample nor a miss', async () => {
    const w = world((e) => (e === 4000 ? 'fail' : [at(AP1, -60)]))
    const errors: string[] = []
    const h = startWatch({ scanner: w.scanner, now: w.now, sleep: w.sleep, check: null }, { id: 'w', ssid: SSID, durationMs: 10_000, intervalMs: 2000, checkEveryMs: 0 }, (_r, change, error) => {
      if (change === 'scan-error') errors.push(error?.message ?? '')
    })
    const r = await h.done
    expect(errors).toEqual(['no adapter'])
    expect([r.scans, r.missing]).toEqual([5, 0])
  })

  it('twelve hours stay bounded: buckets capped, the file a few hundred kB', async () => {
    const w = world((e) => [at(AP1, -60 + Math.round(5 * Math.sin(e / 600_000))), at(AP2, -70)])
    const h = startWatch({ scanner: w.scanner, now: w.now, sleep: w.sleep, check: null }, { id: 'w', ssid: SSID, durationMs: 12 * 60 * MIN, intervalMs: 2000, checkEveryMs: 0 }, () => {})
    const r = await h.done
    expect(r.scans).toBe(21_601)
    expect(r.buckets.length).toBeLessThanOrEqual(MAX_BUCKETS)
    expect(r.samples.length).toBe(901)
    expect(JSON.stringify(r).length).toBeLessThan(600_000)
  })
})
