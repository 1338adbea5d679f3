/** Watch this stall: start with the chosen time, live elapsed/remaining, pause/stop, the resume offer after a crash. */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { surveySchema, type Survey } from '../../src/shared/model/survey'
import v9ZoneApName from '../fixtures/surveys/v9-garage-zone-apname.wcsurvey?raw'
import type { WatchRecord } from '../../src/shared/model/watch'
import { appendScan, newWatchRecord, scanForWatch } from '../../src/shared/watch/record'
import { HANDLE, makeLocation, makeObservation, makeSurvey } from './support/fixtures'
import { renderApp, renderAppWithSurvey } from './support/render-app'
import { callsOf, type FakeApi } from './support/fake-api'

afterEach(cleanup)

const T0 = Date.UTC(2026, 10, 20, 18, 0, 0)

/** A watch of 1 h with `scans` scans at 2 s, the target at -60 dBm. */
function watch(scans: number, state: WatchRecord['state'] = 'running'): WatchRecord {
  let r = newWatchRecord({ id: 'w1', ssid: 'Garage-IoT', startedAt: T0, plannedMs: 3_600_000, intervalMs: 2000, checkEveryMs: 30_000 })
  for (let i = 0; i < scans; i++) r = appendScan(r, scanForWatch([makeObservation({ signalDbm: -60 })], 'Garage-IoT', T0 + i * 2000, (b) => b.ssid ?? ''))
  return { ...r, state }
}

async function open(survey: Survey, extra: Parameters<typeof renderApp>[0] = {}): Promise<FakeApi> {
  const api = await renderAppWithSurvey(survey, {
    'watch:list': async () => [],
    'watch:start': async () => ({ ok: true, watchId: 'w1' }),
    'watch:pause': async () => ({ ok: true }),
    'watch:stop': async () => ({ ok: true }),
    ...extra
  })
  fireEvent.click(screen.getByRole('button', { name: 'Edit survey' }))
  return api
}

describe('watch panel', { timeout: 20000 }, () => {
  it('starts a 2 h watch with checks every 30 s, then shows elapsed and remaining, pause and stop', async () => {
    const api = await open(makeSurvey({ targetSsid: 'Garage-IoT', locations: [makeLocation({ id: 'l1', name: 'Stall 1' })] }))
    const panel = screen.getByRole('region', { name: 'Watch this stall' })
    fireEvent.change(within(panel).getByLabelText('For'), { target: { value: '120' } })
    fireEvent.click(within(panel).getByRole('button', { name: 'Watch this stall' }))
    await waitFor(() => expect(callsOf(api, 'watch:start')).toHaveLength(1))
    expect(callsOf(api, 'watch:start')[0]).toEqual([HANDLE, 'l1', { durationMs: 7_200_000, checkEveryMs: 30_000 }])
    // 31 scans at 2 s: 60 s watched of the record's 1 h plan.
    act(() => api.emit('watch:update', { watchId: 'w1', handle: HANDLE, locationId: 'l1', record: watch(31), scanError: null, saveError: null }))
    expect(within(panel).getByText('1 min 00 s')).toBeTruthy()
    expect(within(panel).getByText('59 min 00 s')).toBeTruthy()
    expect(panel.querySelector('.watch-live')?.textContent).toMatch(/31 scans · 0 drops · 0 of 0 checks failed/)
    fireEvent.click(within(panel).getByRole('button', { name: 'Pause' }))
    fireEvent.click(within(panel).getByRole('button', { name: 'Stop' }))
    await waitFor(() => expect(callsOf(api, 'watch:stop')).toEqual([['w1']]))
    expect(callsOf(api, 'watch:pause')).toEqual([['w1']])
    // The timeline and the WIFI-STABLE finding of the record so far.
    expect(panel.querySelectorAll('.watch-timeline polyline').length).toBe(1)
    expect(within(panel).getByText('WIFI-STABLE')).toBeTruthy()
  })

  it('after a crash the file still says running: offers to resume the same watch', async () => {
    const survey = makeSurvey({ targetSsid: 'Garage-IoT', locations: [makeLocation({ id: 'l1', name: 'Stall 1', watches: [watch(10)] })] })
    const api = await open(survey)
    const panel = screen.getByRole('region', { name: 'Watch this stall' })
    expect(panel.textContent).toContain('This watch stopped unexpectedly')
    expect(within(panel).getByText(/10 scans kept/)).toBeTruthy()
    fireEvent.click(within(panel).getByRole('button', { name: 'Resume watching' }))
    await waitFor(() => expect(callsOf(api, 'watch:start')).toEqual([[HANDLE, 'l1', { durationMs: 3_600_000, checkEveryMs: 30_000, resumeId: 'w1' }]]))
  })
})

describe("the app's survey times in the site's zone (issue 16 item 7)", { timeout: 20000 }, () => {
  it('v9 fixture (America/New_York): the measurement in EDT, the watch in EST, each with its offset', async () => {
    const v9 = surveySchema.parse(JSON.parse(v9ZoneApName))
    await renderAppWithSurvey(v9)
    // Basement – bay 3, the first location, is shown: measured 2026-07-14T16:05Z = 12:05 EDT.
    const history = screen.getByRole('table', { name: 'Measurement history, newest first' })
    expect(history.textContent).toContain('14 Jul 2026, 12:05 (UTC-04:00)')
    // Its watch from 2026-11-20T18:00Z (13:00 EST): a drop 18:00:30–18:00:40Z, a failed check at 18:01Z.
    const panel = screen.getByRole('region', { name: 'Watch this stall' })
    const text = panel.textContent ?? ''
    expect(text).toContain('1: 13:00:30–13:00:40 (UTC-05:00)')
    expect(text).toContain('5 run, 1 failed: 13:01:00 (UTC-05:00) DNS h3-hermes-prd.sn.tesla.services: timeout (UDP 53 to 10.0.0.1: no answer)')
    expect(text).toContain('times in America/New_York (UTC-05:00)')
    // The WIFI-STABLE finding's evidence too (the location's findings, judged with the site's zone).
    expect(document.body.textContent).toContain('1 drop: 13:00:30–13:00:40 (UTC-05:00)')
    // The axis starts at 13:00 (the watch's start), never at 18:00 (UTC).
    const ticks = [...panel.querySelectorAll('.watch-timeline svg > text')].map((t) => t.textContent)
    expect(ticks).toContain('13:00')
    expect(ticks).not.toContain('18:00')
    expect(text).not.toMatch(/\d UTC\b/)
  })

  it('an interrupted watch says its last scan in the site zone (Australia/Sydney, AEDT in November)', async () => {
    const survey = makeSurvey({ targetSsid: 'Garage-IoT', locations: [makeLocation({ id: 'l1', name: 'Stall 1', watches: [watch(10)] })] })
    await open({ ...survey, site: { ...survey.site, timeZone: 'Australia/Sydney' } })
    const panel = screen.getByRole('region', { name: 'Watch this stall' })
    // 10 scans at 2 s from 18:00:00Z: the last at 18:00:18Z, 05:00:18 the next morning in Sydney (UTC+11:00).
    expect(panel.textContent).toContain('last scan 05:00:18 (UTC+11:00)')
  })
})
