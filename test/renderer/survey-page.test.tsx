/** The survey editor: review mode, locations, Measure with progress and failures, hostile text. */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { SnapshotOutcome } from '../../src/shared/contract'
import type { Survey } from '../../src/shared/model/survey'
import { makeLocation, makeObservation, makeSurvey } from './support/fixtures'
import { renderAppWithSurvey } from './support/render-app'
import { callsOf } from './support/fake-api'

afterEach(cleanup)

function withLocation(name = 'Level P2 – stall 14', ssid = 'Garage-IoT'): Survey {
  return makeSurvey({ targetSsid: ssid, locations: [makeLocation({ id: 'l1', name })] })
}

const openForReview = renderAppWithSurvey

// Generous timeout: the renderer tier shares 2 CPU cores with the other tiers.
describe('survey page', { timeout: 20000 }, () => {
  it('opens for review: fields disabled, no Measure, until Edit survey', async () => {
    const api = await openForReview(withLocation())
    // Cast: the label names an <input>.
    expect((screen.getByLabelText('Site name') as HTMLInputElement).disabled).toBe(true)
    // Cast: the role query returns an HTMLElement; a button role here is a <button>.
    expect((screen.getByRole('button', { name: 'Measure' }) as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Edit survey' }))
    // Cast: the label names an <input>.
    expect((screen.getByLabelText('Site name') as HTMLInputElement).disabled).toBe(false)
    fireEvent.change(screen.getByLabelText('New location name'), { target: { value: 'Level P1 – stall 3' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add location' }))
    expect(screen.getByRole('heading', { name: 'Level P1 – stall 3' })).toBeTruthy()
    await waitFor(() => expect(callsOf(api, 'survey:save')).toHaveLength(1), { timeout: 2000 })
    // Cast: argument 1 of survey:save is the Survey (contract).
    const saved = callsOf(api, 'survey:save')[0]?.[1] as Survey
    expect(saved.locations.map((l) => l.name)).toEqual(['Level P2 – stall 14', 'Level P1 – stall 3'])
    await screen.findByText(/^Saved \d\d:\d\d:\d\d$/)
  })

  it('Measure: shows progress, appends a judged measurement and autosaves it', async () => {
    const finish: ((o: SnapshotOutcome) => void)[] = []
    const api = await openForReview(withLocation(), {
      'scan:snapshot': async () => new Promise<SnapshotOutcome>((resolve) => finish.push(resolve))
    })
    fireEvent.click(screen.getByRole('button', { name: 'Edit survey' }))
    fireEvent.click(screen.getByRole('button', { name: 'Measure' }))
    expect(callsOf(api, 'scan:snapshot')[0]?.[0]).toEqual({ scans: 3 })
    act(() => api.emit('scan:progress', { done: 1, total: 3 }))
    expect(screen.getByText('Scan 2 of 3')).toBeTruthy()
    await act(async () => {
      finish[0]?.({ ok: true, scanCount: 3, observations: [makeObservation({ signalDbm: -61 })], skipped: 0, warnings: [] })
    })
    expect(screen.getByRole('heading', { name: 'Measurements' })).toBeTruthy()
    expect(screen.getByText('-61 dBm')).toBeTruthy()
    await waitFor(() => expect(callsOf(api, 'survey:save').length).toBeGreaterThan(0), { timeout: 2000 })
    // Cast: argument 1 of survey:save is the Survey (contract).
    const saved = callsOf(api, 'survey:save').at(-1)?.[1] as Survey
    const m = saved.locations[0]?.measurements[0]
    expect(m).toMatchObject({ scanCount: 3, probe: null })
    expect(m?.observations).toHaveLength(1)
  })

  it('Measure failure: says what happened and the steps to fix it, keeps the survey unchanged', async () => {
    const api = await openForReview(withLocation(), {
      'scan:snapshot': async () => ({
        ok: false,
        reason: 'location-denied',
        message: 'macOS withheld the network names: this app has no Location permission.',
        help: ['Open System Settings › Privacy & Security › Location Services.', 'Allow WC Site Survey, then Measure again.']
      })
    })
    fireEvent.click(screen.getByRole('button', { name: 'Edit survey' }))
    fireEvent.click(screen.getByRole('button', { name: 'Measure' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Measuring failed')
    expect(alert.textContent).toContain('no Location permission')
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Open System Settings › Privacy & Security › Location Services.',
      'Allow WC Site Survey, then Measure again.'
    ])
    expect(screen.queryByRole('heading', { name: 'Measurements' })).toBeNull()
    expect(callsOf(api, 'survey:save')).toHaveLength(0)
  })

  it('falls back to generic steps when the scanner gave none (no adapter)', async () => {
    await openForReview(withLocation(), {
      'scan:snapshot': async () => ({ ok: false, reason: 'no-adapter', message: 'No Wi-Fi adapter was found.' })
    })
    fireEvent.click(screen.getByRole('button', { name: 'Edit survey' }))
    fireEvent.click(screen.getByRole('button', { name: 'Measure' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('No Wi-Fi adapter was found.')
    expect(alert.textContent).toContain('USB Wi-Fi adapter')
  })

  it('removes a location only after confirming', async () => {
    await openForReview(withLocation())
    fireEvent.click(screen.getByRole('button', { name: 'Edit survey' }))
    fireEvent.click(screen.getByRole('button', { name: 'Remove location' }))
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect(screen.getByRole('heading', { name: 'Level P2 – stall 14' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Remove location' }))
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }))
    expect(screen.queryByRole('heading', { name: 'Level P2 – stall 14' })).toBeNull()
    expect(screen.getByText(/No locations yet/)).toBeTruthy()
  })

  it('renders hostile SSIDs and names as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.pwned=1">'
    await openForReview(withLocation(hostile, hostile))
    expect(document.body.querySelector('img[src="x"]')).toBeNull()
    expect(document.body.querySelector('[onerror]')).toBeNull()
    expect(screen.getAllByText(hostile).length).toBeGreaterThan(1)
  })
})
