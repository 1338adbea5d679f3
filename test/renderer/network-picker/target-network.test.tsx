/**
 * Issue 16 items 2 and 3 in the whole app on a fake Api: the target network picked from the
 * networks seen, a near miss said once at the top of the survey page and fixed with one click,
 * and the Live scan page that starts scanning on arrival and measures the current stall through
 * the survey page's Measure path.
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { SnapshotOutcome } from '../../../src/shared/contract'
import type { Survey } from '../../../src/shared/model/survey'
import { makeLocation, makeMeasurement, makeObservation, makeSurvey } from '../support/fixtures'
import { renderApp, renderAppWithSurvey } from '../support/render-app'
import { callsOf, type FakeApi } from '../support/fake-api'

afterEach(cleanup)

const WPA2 = { protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: 'none' } as const

/** A garage where the access points broadcast "HarbourPoint-EV" and the survey says `target`. */
function garage(target: string): Survey {
  const seen = [
    makeObservation({ bssid: 'aa:00:00:00:00:01', ssid: 'HarbourPoint-EV', signalDbm: -55, security: WPA2 }),
    makeObservation({ bssid: 'bb:00:00:00:00:01', ssid: 'Visitors', signalDbm: -48, security: WPA2 })
  ]
  return makeSurvey({
    targetSsid: target,
    locations: [
      makeLocation({ id: 'l1', name: 'P1 – stall 1', measurements: [makeMeasurement({ id: 'm1', observations: seen })] }),
      makeLocation({ id: 'l2', name: 'P1 – stall 2', measurements: [makeMeasurement({ id: 'm2', takenAt: '2026-11-20T09:40:00.000Z', observations: seen })] })
    ]
  })
}

const open = renderAppWithSurvey

/** The target of the survey as last saved. */
function savedTarget(api: FakeApi): string | undefined {
  // Cast: argument 1 of survey:save is the Survey (contract).
  return (callsOf(api, 'survey:save').at(-1)?.[1] as Survey | undefined)?.targetSsid
}

describe('target network from the scan', { timeout: 30000 }, () => {
  it('a near miss is said once, at the top, and one click uses the seen name', async () => {
    const api = await open(garage('HarbourPoint-ev'))
    fireEvent.click(screen.getByRole('button', { name: 'Edit survey' }))
    const title = 'Target network “HarbourPoint-ev” was not seen — “HarbourPoint-EV” was'
    expect(screen.getAllByText(title)).toHaveLength(1)
    // At the top: before the site details and the locations.
    const banner = screen.getByText(title).closest('.banner') as HTMLElement // the Banner component's root
    expect(banner.compareDocumentPosition(screen.getByRole('heading', { name: 'Site details' })) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    const use = within(banner).getByRole('button', { name: 'Use HarbourPoint-EV' })
    use.focus()
    fireEvent.click(use)
    expect(screen.queryByText(title)).toBeNull()
    expect(screen.getByText('Target network is now “HarbourPoint-EV”')).toBeTruthy()
    // The button went with the banner: the confirmation holds the focus, not <body>.
    expect(document.activeElement?.textContent).toContain('Target network is now “HarbourPoint-EV”')
    await waitFor(() => expect(savedTarget(api)).toBe('HarbourPoint-EV'), { timeout: 3000 })
  })

  it('says so when the target is not seen at all, and nothing when it is', async () => {
    await open(garage('Depot-Chargers'))
    expect(screen.getByText('Target network “Depot-Chargers” was not seen at any location measured')).toBeTruthy()
    cleanup()
    await open(garage('HarbourPoint-EV'))
    expect(screen.queryByText(/was not seen/)).toBeNull()
  })

  it('in review mode the near miss is said without the button', async () => {
    await open(garage('harbourpoint ev'))
    expect(screen.getByText('Target network “harbourpoint ev” was not seen — “HarbourPoint-EV” was')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Use HarbourPoint-EV' })).toBeNull()
  })

  it('the site details offer the networks of the newest measurement; ↓ and Enter pick one', async () => {
    const api = await open(garage(''))
    fireEvent.click(screen.getByRole('button', { name: 'Edit survey' }))
    const box = screen.getByRole('combobox', { name: 'Target network (SSID)' })
    fireEvent.keyDown(box, { key: 'ArrowDown' })
    const list = screen.getByRole('listbox', { name: 'Seen in the measurement at P1 – stall 2, strongest first' })
    expect(within(list).getAllByRole('option').map((o) => o.querySelector('.option-ssid')?.textContent)).toEqual(['Visitors', 'HarbourPoint-EV'])
    fireEvent.keyDown(box, { key: 'ArrowDown' })
    fireEvent.keyDown(box, { key: 'Enter' })
    expect((box as HTMLInputElement).value).toBe('HarbourPoint-EV') // the role query found the <input>
    await waitFor(() => expect(savedTarget(api)).toBe('HarbourPoint-EV'), { timeout: 3000 })
  })

  it('New survey without any scan offers to scan, then lists what the scan saw', async () => {
    const { api } = renderApp({
      'scan:snapshot': async () => ({ ok: true, scanCount: 1, observations: [makeObservation({ ssid: 'HarbourPoint-EV', signalDbm: -50 })], skipped: 0, warnings: [] })
    })
    // Cast: findAllByRole resolves with at least one element or throws.
    fireEvent.click((await screen.findAllByRole('button', { name: 'New survey' }))[0] as HTMLElement)
    expect(screen.getByText('No scan yet to choose from.')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Scan for networks' })))
    expect(callsOf(api, 'scan:snapshot')).toEqual([[{ scans: 1 }]])
    const box = screen.getByRole('combobox', { name: 'Target network (SSID)' })
    fireEvent.keyDown(box, { key: 'ArrowDown' })
    expect(screen.getByRole('listbox', { name: 'Seen in the scan just taken, strongest first' })).toBeTruthy()
    fireEvent.keyDown(box, { key: 'Enter' })
    expect((box as HTMLInputElement).value).toBe('HarbourPoint-EV') // the role query found the <input>
  })
})

describe('Live scan ready on arrival', { timeout: 60000 }, () => {
  it('starts scanning on arrival and measures the current stall with the survey page’s Measure', async () => {
    const finish: ((o: SnapshotOutcome) => void)[] = []
    const api = await open(garage('HarbourPoint-EV'), {
      'scan:start': async () => ({ ok: true, sessionId: 's1', intervalMs: 2000 }),
      'scan:snapshot': async () => new Promise<SnapshotOutcome>((resolve) => finish.push(resolve))
    })
    fireEvent.click(screen.getByRole('button', { name: 'Edit survey' }))
    fireEvent.click(screen.getByRole('button', { name: /P1 – stall 2/ }))
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Live scan' })))
    expect(callsOf(api, 'scan:start')).toHaveLength(1)

    const measure = screen.getByRole('button', { name: 'Measure at P1 – stall 2' })
    measure.focus()
    fireEvent.click(measure)
    expect(callsOf(api, 'scan:snapshot')).toEqual([[{ scans: 3 }]])
    expect(screen.getByRole('button', { name: 'Measuring…' })).toBe(document.activeElement)
    await act(async () => {
      finish[0]?.({ ok: true, scanCount: 3, observations: [makeObservation({ ssid: 'HarbourPoint-EV', signalDbm: -58 })], skipped: 0, warnings: [] })
    })
    expect(document.activeElement?.textContent).toBe('Measure at P1 – stall 2')
    await waitFor(() => expect(callsOf(api, 'survey:save').length).toBeGreaterThan(0), { timeout: 3000 })
    // Cast: argument 1 of survey:save is the Survey (contract).
    const saved = callsOf(api, 'survey:save').at(-1)?.[1] as Survey
    expect(saved.locations.map((l) => l.measurements.length)).toEqual([1, 2])
    expect(saved.locations[1]?.measurements[1]?.observations[0]?.signalDbm).toBe(-58)
    // The result is on this page, next to the button.
    expect(screen.getByText(/^P1 – stall 2: /).closest('.live-measure-result')?.textContent).toMatch(/measured/)
  })

  it('keeps a session already running instead of starting another', async () => {
    const api = await open(garage('HarbourPoint-EV'), { 'scan:start': async () => ({ ok: true, sessionId: 's1', intervalMs: 2000 }) })
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Live scan' })))
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Survey' })))
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Live scan' })))
    expect(callsOf(api, 'scan:start')).toHaveLength(1)
  })
})
