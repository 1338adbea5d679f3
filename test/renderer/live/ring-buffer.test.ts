import { describe, expect, it } from 'vitest'
import { SignalRing } from '../../../src/renderer/src/live/ring-buffer'

describe('SignalRing', () => {
  it('keeps points oldest first while under capacity', () => {
    const r = new SignalRing(4)
    r.push(1, -50)
    r.push(2, -51)
    expect(r.size).toBe(2)
    expect(r.toArray()).toEqual([
      { t: 1, dbm: -50 },
      { t: 2, dbm: -51 }
    ])
    expect(r.lastTime()).toBe(2)
  })

  it('overwrites the oldest point when full, so its size never exceeds the cap', () => {
    const r = new SignalRing(3)
    for (let t = 1; t <= 10; t += 1) r.push(t, -40 - t)
    expect(r.size).toBe(3)
    expect(r.toArray().map((p) => p.t)).toEqual([8, 9, 10])
    expect(r.toArray().map((p) => p.dbm)).toEqual([-48, -49, -50])
  })

  it('drops points before the window edge, across the wrap-around', () => {
    const r = new SignalRing(4)
    for (let t = 1; t <= 6; t += 1) r.push(t * 1000, -60)
    r.dropBefore(5000)
    expect(r.toArray().map((p) => p.t)).toEqual([5000, 6000])
    r.dropBefore(10_000)
    expect(r.size).toBe(0)
    expect(r.lastTime()).toBeNull()
    r.push(11_000, -61)
    expect(r.toArray()).toEqual([{ t: 11_000, dbm: -61 }])
  })

  it('clips toArray to a window start without dropping', () => {
    const r = new SignalRing(8)
    for (let t = 1; t <= 5; t += 1) r.push(t, -70)
    expect(r.toArray(4).map((p) => p.t)).toEqual([4, 5])
    expect(r.size).toBe(5)
  })

  it('rejects a capacity that is not a positive integer', () => {
    expect(() => new SignalRing(0)).toThrow(RangeError)
    expect(() => new SignalRing(2.5)).toThrow(RangeError)
  })
})
