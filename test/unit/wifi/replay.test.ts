/** The demo replay set (assets/replay/demo) and the replay scanner. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createReplayScanner, loadReplaySet, replayFrame } from '../../../src/main/wifi/scanners/replay'
import { SCAN_FIXTURES } from './helpers'

const DEMO = join(import.meta.dirname, '..', '..', '..', 'assets', 'replay', 'demo')

describe('demo replay set', () => {
  it('≥ 40 BSS over 2.4 and 5 GHz, a 40 MHz 2.4 GHz BSS, the target on several BSSIDs, Tesla-Charging-Access open on 2.4 GHz', async () => {
    const set = await loadReplaySet(DEMO)
    expect(set.skipped).toBe(0)
    expect(set.base.length).toBeGreaterThanOrEqual(40)
    expect(set.base.filter((o) => o.band === '2.4').length).toBeGreaterThan(10)
    expect(set.base.filter((o) => o.band === '5').length).toBeGreaterThan(5)
    expect(set.base.some((o) => o.band === '2.4' && o.channelWidthMhz === 40)).toBe(true)
    expect(set.base.every((o) => o.source === 'replay')).toBe(true)
    const target = set.base.filter((o) => o.ssid === 'HarbourPoint-EV')
    expect(new Set(target.map((o) => o.bssid)).size).toBeGreaterThanOrEqual(3)
    const tesla = set.base.filter((o) => o.ssid === 'Tesla-Charging-Access')
    expect(tesla).toHaveLength(1)
    expect(tesla[0]).toMatchObject({ band: '2.4' })
    expect(tesla[0]?.security.protocols).toEqual(['OPEN'])
  })

  it('signal varies over time, deterministically', async () => {
    const set = await loadReplaySet(DEMO)
    const signalAt = (k: number) => replayFrame(set, k).find((o) => o.bssid === '1c:b0:44:75:42:a5')?.signalDbm
    const series = Array.from({ length: 24 }, (_, k) => signalAt(k))
    expect(new Set(series).size).toBeGreaterThan(3)
    expect(Array.from({ length: 24 }, (_, k) => signalAt(k))).toEqual(series)
    expect(Math.max(...series.map((s) => s ?? -100))).toBeGreaterThan(-60) // lifted by offsetsDb
  })

  it('a single recorded file replays as-is; a missing path is a ScanError naming it', async () => {
    const one = createReplayScanner({ target: join(SCAN_FIXTURES, 'linux-iw', 'kubemate-iw-scan-5ghz-vht80.txt'), cwd: '/', scanDurationMs: 0 })
    const outcome = await one.scan()
    expect(outcome.ok && outcome.observations.map((o) => o.signalDbm)).toEqual([-90, -87])
    const missing = await createReplayScanner({ target: 'no/such/replay', cwd: '/tmp', scanDurationMs: 0 }).scan()
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(missing.error.message).toContain('/tmp/no/such/replay')
  })
})
