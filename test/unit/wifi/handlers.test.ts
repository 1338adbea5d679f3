/** The scan handlers over the replay scanner, as main registers them. */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { EventName, Events } from '../../../src/shared/contract'
import { createScanHandlers, describeScanner } from '../../../src/main/wifi/handlers'
import { createReplayScanner } from '../../../src/main/wifi/scanners/replay'
import type { ServiceDeps } from '../../../src/main/service-deps'

const assetsDir = join(import.meta.dirname, '..', '..', '..', 'assets')

function deps(events: { name: EventName; payload: unknown }[], env: NodeJS.ProcessEnv): ServiceDeps {
  return {
    emit: <K extends EventName>(name: K, payload: Events[K]) => void events.push({ name, payload }),
    dataDir: '/tmp',
    platform: 'linux',
    env,
    appVersion: '0',
    mode: 'browser',
    rendererDir: '/tmp',
    assetsDir,
    desktop: null
  }
}

describe('scan handlers', () => {
  it('describeScanner names the replay scanner only when asked for', () => {
    expect(describeScanner(deps([], { WC_SURVEY_SCANNER: 'replay' }))).toBe('Replay (demo: demo)')
    expect(describeScanner(deps([], {}))).toMatch(/^Linux \(nmcli \+ iw/)
  })

  it('snapshot over the demo replay: ok, ≥ 40 BSS, progress pushed', async () => {
    const events: { name: EventName; payload: unknown }[] = []
    const scanner = createReplayScanner({ target: join(assetsDir, 'replay', 'demo'), cwd: '/', scanDurationMs: 0 })
    const { handlers, dispose } = createScanHandlers(deps(events, { WC_SURVEY_SCANNER: 'replay' }), { ...scanner, minIntervalMs: 2000 })
    const result = await handlers['scan:snapshot']({ scans: 1 })
    expect(result.ok && result.observations.length).toBeGreaterThanOrEqual(40)
    expect(events.filter((e) => e.name === 'scan:progress').map((e) => e.payload)).toEqual([{ done: 0, total: 1 }, { done: 1, total: 1 }])
    const start = await handlers['scan:start']({})
    expect(start).toMatchObject({ ok: true, intervalMs: 2000 })
    for (let i = 0; i < 200 && !events.some((e) => e.name === 'scan:sample'); i++) await new Promise((r) => setTimeout(r, 10))
    await dispose()
    expect(events.at(-1)).toMatchObject({ name: 'scan:status', payload: { state: 'stopped' } })
    expect(events.some((e) => e.name === 'scan:sample')).toBe(true)
  })
})
