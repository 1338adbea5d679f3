import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ScanSample } from '../../../src/shared/contract'
import { OVERSCAN, ROW_HEIGHT, VIEWPORT_HEIGHT } from '../../../src/renderer/src/live/network-table'
import { ChannelChart } from '../../../src/renderer/src/charts/channel-chart'
import { selectChannelSpans } from '../../../src/renderer/src/charts/channel-spans'
import { LivePage } from '../../../src/renderer/src/pages/live-page'
import { createScanStore } from '../../../src/renderer/src/state/scan-store'
import { fakeApi, obs } from './helpers'
import liveCss from '../../../src/renderer/src/live/live.css?raw'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const HOSTILE = '<img src=x onerror="window.__pwned=1">'
const T0 = Date.parse('2026-01-01T10:00:00Z')

const scan: ScanSample = {
  sessionId: 's1',
  at: new Date(T0).toISOString(),
  skipped: 0,
  warnings: [],
  observations: [
    obs({ bssid: 't1', ssid: 'Garage-Chargers', signalDbm: -58, band: '5', channel: 36, frequencyMhz: 5180, channelWidthMhz: 80 }),
    obs({ bssid: 't2', ssid: 'Garage-Chargers', signalDbm: -71 }),
    obs({
      bssid: 'w1',
      ssid: 'Wide-40',
      channel: 1,
      frequencyMhz: 2412,
      channelWidthMhz: 40,
      secondaryChannelOffset: 'above',
      signalDbm: -50,
      security: { protocols: ['WPA', 'WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP', 'TKIP'], groupCipher: 'TKIP', pmf: 'none' }
    }),
    obs({ bssid: 'n1', ssid: 'Narrow-20', channel: 11, frequencyMhz: 2462, signalDbm: -65, signalDerived: true }),
    obs({ bssid: 'h1', ssid: null, hidden: true, signalDbm: -80 }),
    obs({ bssid: 'r1', ssid: null, redacted: true, signalDbm: -75 }),
    obs({ bssid: 'x1', ssid: HOSTILE, signalDbm: -77, channelWidthMhz: null, secondaryChannelOffset: null })
  ]
}

/** The page on a fake Api, publishing synchronously inside act() (no animation frames in tests). */
function setup(options: { startOnArrival?: boolean } = {}) {
  const api = fakeApi()
  const store = createScanStore(api, { schedule: (publish) => publish() })
  // Most tests start by hand; arrival's own start is tested on its own.
  render(<LivePage store={store} targetSsid="Garage-Chargers" billingMode="free" chartWidth={600} startOnArrival={options.startOnArrival ?? false} />)
  const emit = (s: ScanSample) => act(() => api.emit('scan:sample', s))
  return { api, store, emit }
}

function pathWidth(d: string | null): number {
  const xs = [...(d ?? '').matchAll(/[ML](-?[\d.]+),/g)].map((m) => Number(m[1]))
  return Math.max(...xs) - Math.min(...xs)
}

// jsdom renders recharts slowly (seconds per chart render on a shared CPU).
describe('LivePage', { timeout: 60_000 }, () => {
  it('starts and stops scanning through the Api, never polling it', async () => {
    const { api, emit } = setup()
    expect(screen.getByText('Not scanning')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Start scanning' })))
    expect(api.calls.map((c) => c.name)).toEqual(['scan:start'])
    expect(screen.getByText(/every 2 s/)).toBeTruthy()
    emit(scan)
    emit({ ...scan, at: new Date(T0 + 2000).toISOString() })
    expect(screen.getByText(/last update/).textContent).toMatch(/2 scans · 7 BSS/)
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Stop scanning' })))
    expect(api.calls.map((c) => c.name)).toEqual(['scan:start', 'scan:stop'])
  })

  it('says a running scan with a still dot and words in a status region, never a spinning animation', async () => {
    const { api } = setup()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Start scanning' })))
    const status = screen.getByRole('status')
    expect(status.textContent).toBe('Scanning…')
    expect(status.querySelector('.scan-dot.scan-dot-busy')?.getAttribute('aria-hidden')).toBe('true')
    act(() => api.emit('scan:status', { sessionId: 's1', state: 'waiting', error: null }))
    expect(screen.getByRole('status').textContent).toBe('Waiting for the next scan')
    expect(screen.getByRole('status').querySelector('.scan-dot.scan-dot-waiting')).toBeTruthy()
    expect(document.querySelector('.live-page .spinner')).toBeNull()
    // A CSS animation on the live page keeps the compositor drawing every vsync while it scans.
    expect(liveCss).not.toMatch(/animation|@keyframes/)
  })

  it('starts scanning on arrival (issue 16 item 3): Stop is offered, no Start to look for', async () => {
    const { api } = await act(async () => setup({ startOnArrival: true }))
    expect(api.calls.map((c) => c.name)).toEqual(['scan:start'])
    expect(screen.getByRole('button', { name: 'Stop scanning' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Start scanning' })).toBeNull()
  })

  it('groups BSSs under their SSID, pins and highlights the target, renders hostile SSIDs as text', () => {
    const { emit } = setup()
    emit(scan)
    const table = screen.getByRole('table')
    const groups = within(table).getAllByRole('rowgroup').slice(1)
    expect(groups[0]?.querySelector('.ssid-text')?.textContent).toBe('Garage-Chargers')
    expect(groups[0]?.className).toMatch(/is-target/)
    // Cast: the query returned elements; [0] exists (length checked above).
    expect(within(groups[0] as HTMLElement).getByText('target')).toBeTruthy()
    // Target group starts expanded: its two BSSIDs are rows.
    expect(within(table).getByText('t1')).toBeTruthy()
    expect(within(table).getByText('(hidden)')).toBeTruthy()
    expect(within(table).getByText('redacted — Location Services off')).toBeTruthy()
    expect(within(table).getByText(HOSTILE)).toBeTruthy()
    expect(document.querySelector('img')).toBeNull()
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined() // set only if the SSID ran as HTML
  })

  it('shows security with ciphers, derived signal, and expands a group on click', () => {
    const { emit } = setup()
    emit(scan)
    const table = screen.getByRole('table')
    expect(within(table).getByText('WPA/WPA2 · TKIP+CCMP')).toBeTruthy()
    const narrow = within(table).getByRole('button', { name: /Narrow-20/ })
    expect(narrow.getAttribute('aria-expanded')).toBe('false')
    expect(within(table).getByLabelText('derived from a percentage')).toBeTruthy()
    expect(within(table).getAllByText('n1')).toHaveLength(1)
    fireEvent.click(narrow)
    expect(narrow.getAttribute('aria-expanded')).toBe('true')
    expect(within(table).getAllByText('n1')).toHaveLength(2)
  })

  it('sorts by a column and filters by text, band and security', () => {
    const { emit } = setup()
    emit(scan)
    const order = () =>
      [...document.querySelectorAll('.group-row .ssid-text')].map((e) => e.textContent)
    expect(order().slice(0, 3)).toEqual(['Garage-Chargers', 'Wide-40', 'Narrow-20'])
    fireEvent.click(screen.getByRole('button', { name: /^Signal/ }))
    expect(order().slice(1, 3)).toEqual(['(hidden)', HOSTILE])
    fireEvent.change(screen.getByLabelText('Filter by SSID or BSSID'), { target: { value: 'wide' } })
    expect(order()).toEqual(['Wide-40'])
    fireEvent.change(screen.getByLabelText('Filter by SSID or BSSID'), { target: { value: '' } })
    fireEvent.change(screen.getByLabelText('Band'), { target: { value: '5' } })
    expect(order()).toEqual(['Garage-Chargers'])
    fireEvent.change(screen.getByLabelText('Band'), { target: { value: 'all' } })
    fireEvent.change(screen.getByLabelText('Security'), { target: { value: 'wpa' } })
    expect(order()).toEqual([])
  })

  it('renders only the rows near the viewport; scrolling reveals later rows', () => {
    const { emit } = setup()
    const names = Array.from({ length: 80 }, (_, i) => `Net-${String(i).padStart(2, '0')}`)
    emit({ ...scan, observations: names.map((ssid, i) => obs({ bssid: `b${i}`, ssid, signalDbm: -30 - i })) })
    const table = screen.getByRole('table', { name: 'Networks: 80 SSIDs, 80 BSS' })
    const shown = () => [...table.querySelectorAll('.group-row .ssid-text')].map((e) => e.textContent)
    const window = Math.ceil(VIEWPORT_HEIGHT / ROW_HEIGHT) + OVERSCAN
    expect(shown()).toEqual(names.slice(0, window))
    // Spacers stand in for the rest: the scroll height is that of every row.
    const spacer = table.querySelector<HTMLElement>('.spacer tr')
    expect(spacer?.style.height).toBe(`${(80 - window) * ROW_HEIGHT}px`)
    const box = table.closest('.table-scroll') as HTMLElement // NetworkTable renders its scroll box around the table
    // Scrolled to the bottom: the last rows (Net-67 to Net-79 fill the 330 px box) are rendered, the first are not.
    box.scrollTop = 81 * ROW_HEIGHT - VIEWPORT_HEIGHT
    fireEvent.scroll(box)
    expect(shown()).toContain('Net-79')
    expect(shown()).toContain('Net-67')
    expect(shown()).not.toContain('Net-00')
    // 14 rows in view and the overscan above them; nothing below the last row.
    expect(shown()).toHaveLength(window)
    expect(table.querySelectorAll('.spacer tr')).toHaveLength(1)
  })

  it('keeps rows in place while signals change; re-sorts every few seconds and on a header click', () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    const { emit } = setup()
    const at = (dbm: readonly number[], t: number): ScanSample => ({
      ...scan,
      at: new Date(T0 + t).toISOString(),
      observations: ['A', 'B', 'C'].map((ssid, i) => obs({ bssid: ssid.toLowerCase(), ssid, signalDbm: dbm[i] ?? null }))
    })
    const order = () => [...document.querySelectorAll('.group-row .ssid-text')].map((e) => e.textContent)
    emit(at([-50, -60, -70], 0))
    expect(order()).toEqual(['A', 'B', 'C'])
    emit(at([-80, -40, -60], 1000))
    expect(order()).toEqual(['A', 'B', 'C'])
    // The signals shown are the new ones, in place.
    expect(document.querySelector('.group-row')?.textContent).toMatch(/-80 dBm/)
    act(() => {
      vi.advanceTimersByTime(5000)
    })
    expect(order()).toEqual(['B', 'C', 'A'])
    emit(at([-40, -60, -80], 2000))
    expect(order()).toEqual(['B', 'C', 'A'])
    // The click sorts by signal, ascending, at once.
    fireEvent.click(screen.getByRole('button', { name: /^Signal/ }))
    expect(order()).toEqual(['C', 'B', 'A'])
  })

  it('draws each BSS on the channel chart over its width: 40 MHz twice as wide as 20 MHz', () => {
    const { emit } = setup()
    emit(scan)
    const chart24 = document.querySelector('.channel-chart[data-band="2.4"]')
    // Live, the shapes are one canvas per band: 2.4 GHz holds t2, w1, n1, h1, r1, x1.
    expect(chart24?.querySelector('canvas.span-canvas')?.getAttribute('data-shapes')).toBe('6')
    expect(document.querySelector('.channel-chart[data-band="5"] canvas.span-canvas')?.getAttribute('data-shapes')).toBe('1')
    // Unknown width: the caption says so.
    expect(chart24?.textContent).toMatch(/width not reported/)
    cleanup()
    // The same geometry drawn as SVG (the report's way), where each shape can be measured.
    render(<ChannelChart band="2.4" spans={selectChannelSpans(scan.observations, '2.4', 'Garage-Chargers')} draw="svg" width={600} />)
    const paths = document.querySelectorAll('.channel-spans path')
    expect(paths.length).toBe(6)
    const wide = document.querySelector('path[data-key="w1|2.4"]')?.getAttribute('d') ?? null
    const narrow = document.querySelector('path[data-key="n1|2.4"]')?.getAttribute('d') ?? null
    expect(pathWidth(wide) / pathWidth(narrow)).toBeCloseTo(2, 1)
    expect(document.querySelector('path[data-key="x1|2.4"]')?.getAttribute('stroke-dasharray')).toBeTruthy()
  })

  it('charts the target BSSs over time by default, and the rows the technician ticks', () => {
    const { emit } = setup()
    emit(scan)
    emit({ ...scan, at: new Date(T0 + 2000).toISOString() })
    const lines = () => document.querySelectorAll('.signal-lines path.signal-line').length
    expect(lines()).toBe(2)
    fireEvent.click(screen.getByRole('checkbox', { name: 'Chart every BSS of Wide-40' }))
    expect(lines()).toBe(1)
    expect(screen.getByText(/1 chosen BSS/)).toBeTruthy()
  })

  it('judges the target on the newest scan and lists findings by requirement ID', () => {
    const { emit } = setup()
    expect(screen.getByText('Findings appear with the first scan.')).toBeTruthy()
    emit(scan)
    const strip = screen.getByRole('region', { name: 'Findings at this location' })
    expect(within(strip).getByText('WIFI-SIGNAL')).toBeTruthy()
    expect(within(strip).getByText('WIFI-SEC')).toBeTruthy()
  })

  it('shows scan errors with their steps, and skipped blocks', () => {
    const { api, emit } = setup()
    act(() =>
      api.emit('scan:status', {
        sessionId: 's1',
        state: 'error',
        error: { reason: 'location-denied', message: 'Windows refused to list networks.', help: ['Open Settings › Privacy & security › Location', 'Turn on "Let desktop apps access your location"'] }
      })
    )
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toMatch(/Location access is off/)
    expect(within(alert).getAllByRole('listitem')).toHaveLength(2)
    emit({ ...scan, skipped: 3 })
    expect(screen.getByText(/3 unreadable blocks skipped/)).toBeTruthy()
  })
})
