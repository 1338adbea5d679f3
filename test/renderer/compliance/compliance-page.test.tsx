/**
 * The compliance page: verdict and reason, matrix cells with glyph + word, the detail panel,
 * signal chart, not-measured rows, hostile names as text, and the store-fed wrapper.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Observation } from '../../../src/shared/model/observation'
import type { Survey, SurveyLocation } from '../../../src/shared/model/survey'
import { judgeMeasurement, PROFILE } from '../../../src/shared/requirements'
import { ComplianceView, CompliancePage } from '../../../src/renderer/src/pages/compliance-page'
import { adoptOpened, resetSurveyStore } from '../../../src/renderer/src/state/survey-store'
import { HANDLE, makeLocation, makeMeasurement, makeObservation, makeSurvey } from '../support/fixtures'

afterEach(() => {
  cleanup()
  resetSurveyStore()
})

const HOSTILE = 'Stall <img src=x onerror="alert(1)">'

function measured(id: string, name: string, observations: Observation[]): SurveyLocation {
  const m = makeMeasurement({
    id: `m-${id}`,
    takenAt: '2026-11-20T10:00:00.000Z',
    observations,
    findings: judgeMeasurement(PROFILE, { observations, targetSsid: 'Garage-IoT', billingMode: 'free' })
  })
  return makeLocation({ id, name, measurements: [m] })
}

function garage(): Survey {
  return makeSurvey({
    locations: [
      measured('a', 'Level P1 – stall 3', [makeObservation({ signalDbm: -58 })]),
      measured('b', 'Level P2 – stall 14', [makeObservation({ bssid: 'aa:bb:cc:00:00:02', channelWidthMhz: 40, secondaryChannelOffset: 'above', signalDbm: -72 })]),
      measured('h', HOSTILE, [makeObservation({ bssid: 'aa:bb:cc:00:00:03', signalDbm: -60 })]),
      makeLocation({ id: 'c', name: 'Level P3 – stall 7' })
    ]
  })
}

// Whole-page renders with recharts take seconds on a loaded 2-core machine: allow them time.
describe('compliance view', { timeout: 30000 }, () => {
  it('shows the survey verdict and its reason at the top', () => {
    render(<ComplianceView survey={garage()} chartWidth={600} />)
    const banner = screen.getByLabelText('Survey verdict')
    expect(within(banner).getByText('Not ready')).toBeTruthy()
    expect(within(banner).getByText(/1 of 4 locations not ready: WIFI-WIDTH at Level P2 – stall 14/)).toBeTruthy()
  })

  it('matrix cells carry result glyph and word (not colour only); unmeasured rows say so', () => {
    render(<ComplianceView survey={garage()} chartWidth={600} />)
    const fail = screen.getByLabelText('Level P2 – stall 14, WIFI-WIDTH: Fail')
    expect(fail.className).toContain('result-fail')
    expect(fail.textContent).toBe('✕')
    const pass = screen.getByLabelText('Level P1 – stall 3, WIFI-SEC: Pass')
    expect(pass.textContent).toBe('✓')
    // A free site without a probe run: connectivity is a warning, never a pass.
    expect(screen.getByLabelText('Level P1 – stall 3, NET-DNS: Warning').textContent).toBe('!')
    expect(screen.getByText(/Not measured yet — take a measurement/)).toBeTruthy()
    const legend = screen.getByLabelText('Legend')
    for (const word of ['Pass', 'Warning', 'Fail', 'Unknown']) expect(within(legend).getByText(word)).toBeTruthy()
    // Every column is explained in words under the matrix.
    const key = screen.getByText('What the columns check').closest('details') as HTMLElement
    expect(within(key).getByText('WIFI-WIDTH').nextSibling?.textContent).toBe('Channel width 20 MHz or less')
    expect(key.querySelectorAll('dt').length).toBe(21) // with WIFI-STABLE (judged where a stall was watched) and WC-ONLINE, WC-NETWORK, WC-SIGNAL (where a charger was read)
  })

  it('opens on the first failure and shows evidence, remediation and the FAQ wording; a click selects another cell', () => {
    render(<ComplianceView survey={garage()} chartWidth={600} />)
    let detail = screen.getByLabelText('Finding detail')
    expect(within(detail).getByText('WIFI-WIDTH')).toBeTruthy()
    expect(within(detail).getByText(/40 MHz \(secondary channel above\)/)).toBeTruthy()
    expect(within(detail).getByText(/Set the 2.4 GHz radio to 20 MHz channel width/)).toBeTruthy()
    expect(within(detail).getByText('"Network channel width must be less than or equal to 20 MHz"')).toBeTruthy()

    fireEvent.click(screen.getByLabelText('Level P1 – stall 3, WIFI-SEC: Pass'))
    detail = screen.getByLabelText('Finding detail')
    expect(within(detail).getByText('Level P1 – stall 3')).toBeTruthy()
    expect(within(detail).getByText('Nothing: this requirement is met.')).toBeTruthy()
    expect(within(detail).getByText(/WEP, WPA2-TKIP are not supported/)).toBeTruthy()
    expect(screen.getByLabelText('Level P1 – stall 3, WIFI-SEC: Pass').getAttribute('aria-pressed')).toBe('true')
  })

  it('summarises results per result and draws the signal per location with the thresholds', () => {
    const { container } = render(<ComplianceView survey={garage()} chartWidth={600} />)
    const summary = screen.getByLabelText('Summary of results')
    // 3 measured locations × 17 findings.
    expect(within(summary).getByText('51 findings across 3 measured locations')).toBeTruthy()
    const signal = screen.getByLabelText('Signal by location')
    expect(within(signal).getByText('-58 dBm')).toBeTruthy()
    expect(within(signal).getByText('-72 dBm')).toBeTruthy()
    expect(within(signal).getByText('-67')).toBeTruthy()
    expect(within(signal).getByText('-75')).toBeTruthy()
    expect(within(signal).getByText(/Not shown: Level P3 – stall 7 \(not measured\)/)).toBeTruthy()
    expect(container.querySelectorAll('[aria-label="Signal by location"] .recharts-bar-rectangle').length).toBe(3)
  })

  it('renders hostile location names as text, never as HTML', () => {
    const { container } = render(<ComplianceView survey={garage()} chartWidth={600} />)
    expect(container.querySelector('img')).toBeNull()
    expect(screen.getAllByText(HOSTILE).length).toBeGreaterThan(0)
  })
})

describe('CompliancePage (survey store)', () => {
  it('without an open survey says what to do', () => {
    render(<CompliancePage />)
    expect(screen.getByLabelText('No survey open')).toBeTruthy()
  })

  it('shows the open survey from the store', async () => {
    await act(async () => {
      await adoptOpened({ ok: true, handle: HANDLE, writable: true, path: '/data/surveys/g.wcsurvey', survey: garage(), migratedFrom: null }, { readOnly: true })
    })
    render(<CompliancePage />)
    expect(screen.getByLabelText('Level P2 – stall 14, WIFI-WIDTH: Fail')).toBeTruthy()
  })
})
