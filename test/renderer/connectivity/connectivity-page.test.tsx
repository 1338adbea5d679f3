/**
 * Connectivity page (NET-DNS, NET-NTP, NET-HTTP, NET-TLS, WIFI-PORTAL): rows fill in live from
 * `probe:progress`, failures first with the rule to add, context warnings, cancel by run ID, and
 * "Save to location" puts the run into the current location's latest measurement.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProbeRunOutcome } from '../../../src/shared/contract'
import type { ProbeContext, ProbeResult, ProbeRun } from '../../../src/shared/model/probe'
import { createProbeStore } from '../../../src/renderer/src/connectivity/probe-store'
import { ConnectivityPage } from '../../../src/renderer/src/pages/connectivity-page'
import { adoptOpened, enableEditing, getSurveyState, resetSurveyStore, setCurrentLocation } from '../../../src/renderer/src/state/survey-store'
import { createFakeApi, installFakeApi, type FakeApi } from '../support/fake-api'
import { HANDLE, makeLocation, makeSurvey } from '../support/fixtures'

afterEach(cleanup)
beforeEach(() => resetSurveyStore())

const context: ProbeContext = {
  interface: 'wlan0',
  ssid: 'Guest <b>WiFi</b>',
  localIp: '192.168.1.20',
  gateway: '192.168.1.1',
  dnsServers: ['192.168.1.1'],
  wired: true,
  warnings: ['This computer is on "Guest <b>WiFi</b>", not the survey\'s network "Garage-IoT".', 'A wired connection is up (eth0).']
}
const pass: ProbeResult = { requirement: 'NET-DNS', host: 'pool.ntp.org', protocol: 'dns', port: 53, outcome: 'pass', kind: null, latencyMs: 12, detail: 'A 192.0.2.1 from 192.168.1.1 over UDP 53', rule: '', wildcard: null }
const fail: ProbeResult = { requirement: 'NET-NTP', host: 'pool.ntp.org', protocol: 'ntp', port: 123, outcome: 'fail', kind: 'timeout', latencyMs: null, detail: 'UDP 123 to pool.ntp.org (192.0.2.1): no answer', rule: 'allow UDP 123 to pool.ntp.org', wildcard: null }
const tls: ProbeResult = { requirement: 'NET-TLS', host: 'hermes-prd.sn.tesla.services', protocol: 'tls', port: 443, outcome: 'pass', kind: null, latencyMs: 80, detail: 'TCP 443: chain valid', rule: '', wildcard: '*.sn.tesla.services' }

function setup(): { api: FakeApi; finish: (o: ProbeRunOutcome) => void } {
  let finish: (o: ProbeRunOutcome) => void = () => {}
  const api = createFakeApi({
    'probe:run': () => new Promise<ProbeRunOutcome>((resolve) => (finish = resolve)),
    'probe:cancel': async () => ({ ok: true }),
    'survey:save': async () => ({ ok: true, path: '/s.wcsurvey', savedAt: new Date().toISOString() })
  })
  installFakeApi(api)
  render(<ConnectivityPage store={createProbeStore(() => api)} chartWidth={400} />)
  return { api, finish: (o) => finish(o) }
}

const run = (results: ProbeResult[], cancelled = false, ctx: ProbeContext = context): ProbeRun => ({ id: 'run-1', startedAt: '2026-11-24T05:00:00.000Z', finishedAt: '2026-11-24T05:00:04.000Z', cancelled, context: ctx, results })

describe('Connectivity page', { timeout: 20000 }, () => {
  it('fills rows in live, failures first with the rule, shows context warnings as text, cancels by run ID', async () => {
    const { api, finish } = setup()
    fireEvent.click(screen.getByRole('button', { name: 'Run firewall check' }))
    await act(async () => {
      api.emit('probe:progress', { runId: 'run-1', context: null, result: null, done: 0, total: 3 })
      api.emit('probe:progress', { runId: 'run-1', context, result: null, done: 0, total: 3 })
      api.emit('probe:progress', { runId: 'run-1', context: null, result: pass, done: 1, total: 3 })
    })
    expect(screen.getByRole('status').textContent).toContain('1/3 checks')
    expect(screen.getAllByText('Pass')).toHaveLength(1)
    await act(async () => {
      api.emit('probe:progress', { runId: 'run-1', context: null, result: fail, done: 2, total: 3 })
      api.emit('probe:progress', { runId: 'other-run', context: null, result: tls, done: 1, total: 3 })
    })
    const rows = screen.getAllByRole('row').filter((r) => r.classList.contains('probe-main'))
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]?.textContent)).toEqual(['NET-NTP', 'NET-DNS'])
    expect(screen.getAllByText(/allow UDP 123 to pool\.ntp\.org/).length).toBeGreaterThan(0)
    // Hostile SSID text stays text.
    expect(screen.getByText('Guest <b>WiFi</b>')).toBeTruthy()
    expect(document.querySelector('b')).toBeNull()
    expect(screen.getByText(/A wired connection is up/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    await act(async () => {})
    expect(api.calls.filter((c) => c.name === 'probe:cancel').map((c) => c.args)).toEqual([['run-1']])
    await act(async () => finish({ ok: true, run: run([pass, fail, tls], true) }))
    expect(screen.getByText('The run was cancelled')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Run again' })).toBeTruthy()
    expect(screen.getByText(/the firewall rule must allow the whole wildcard/)).toBeTruthy()
  })

  it('shows a refused run (busy) as an error naming what to do', async () => {
    const { finish } = setup()
    fireEvent.click(screen.getByRole('button', { name: 'Run firewall check' }))
    await act(async () => finish({ ok: false, reason: 'busy', message: 'A probe run is already under way: wait for it to finish or cancel it.' }))
    expect(screen.getByRole('alert').textContent).toContain('already under way')
  })

  it('keeps the finished run with the stall it was started at, without a manual save, judged again', async () => {
    const survey = makeSurvey({
      site: { name: 'Harbour Point', address: '', customer: '', technician: '', billingMode: 'billed', notes: '' },
      locations: [makeLocation({ id: 'l1', name: 'Stall 14' }), makeLocation({ id: 'l2', name: 'Stall 15' })]
    })
    await adoptOpened({ ok: true, handle: HANDLE, writable: true, path: '/s.wcsurvey', survey, migratedFrom: null }, { readOnly: false })
    enableEditing()
    const { finish } = setup()
    expect(screen.getByText(/Kept with/).textContent).toContain('Stall 14')
    fireEvent.click(screen.getByRole('button', { name: 'Run firewall check' }))
    // The technician walks on to the next stall while the run finishes: it stays with stall 14.
    act(() => setCurrentLocation('l2'))
    // Taken on the survey's own network, so the compliance engine counts it.
    const onTarget: ProbeContext = { ...context, ssid: 'Garage-IoT', wired: false, warnings: [] }
    await act(async () => finish({ ok: true, run: run([pass, fail], false, onTarget) }))
    const [first, second] = getSurveyState().survey?.locations ?? []
    const measurement = first?.measurements.at(-1)
    expect(measurement?.probe?.results).toHaveLength(2)
    expect(measurement?.findings.find((f) => f.requirement === 'NET-NTP')?.result).toBe('fail')
    expect(second?.measurements).toEqual([])
    expect(screen.getByText('Kept with “Stall 14”')).toBeTruthy()
    expect(screen.queryByText('This run is not kept yet')).toBeNull()
    // Listed among the survey's runs, with its stall.
    const saved = screen.getByRole('list', { name: /Probe runs saved in the survey/ })
    expect(within(saved).getAllByRole('listitem').map((r) => r.querySelector('.probe-saved-stall')?.textContent)).toEqual(['Stall 14'])
  })

  it('in review mode: a run is not kept (says why, offers Edit survey); a saved run can be reviewed', async () => {
    const saved = run([pass, fail], false, { ...context, ssid: 'Garage-IoT', warnings: [] })
    const survey = makeSurvey({
      locations: [makeLocation({ id: 'l1', name: 'Stall 14', measurements: [{ id: 'm1', takenAt: saved.startedAt, scanCount: 0, observations: [], findings: [], profileVersion: '1.0.0', probe: saved }] })]
    })
    await adoptOpened({ ok: true, handle: HANDLE, writable: true, path: '/s.wcsurvey', survey, migratedFrom: null }, { readOnly: true })
    const { finish } = setup()
    fireEvent.click(screen.getByRole('button', { name: 'Review' }))
    expect(screen.getByText(/^Reviewing the run saved at “Stall 14”/)).toBeTruthy()
    const rows = screen.getAllByRole('row').filter((r) => r.classList.contains('probe-main'))
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]?.textContent)).toEqual(['NET-NTP', 'NET-DNS'])
    fireEvent.click(screen.getByRole('button', { name: 'Back to the latest run' }))
    expect(screen.queryByText(/^Reviewing the run/)).toBeNull()

    fireEvent.click(screen.getByRole('button', { name: 'Run firewall check' }))
    await act(async () => finish({ ok: true, run: { ...run([pass]), id: 'run-2' } }))
    expect(screen.getByText('This run is not kept yet')).toBeTruthy()
    expect(screen.getByText(/open for review: choose Edit survey/)).toBeTruthy()
    expect(getSurveyState().survey?.locations[0]?.measurements).toHaveLength(1)
    fireEvent.click(screen.getByRole('button', { name: 'Edit survey' }))
    fireEvent.click(screen.getByRole('button', { name: 'Save to “Stall 14”' }))
    expect(getSurveyState().survey?.locations[0]?.measurements.at(-1)?.probe?.id).toBe('run-2')
    expect(screen.getByText('Kept with “Stall 14”')).toBeTruthy()
  })

  it('nothing got through: one headline with what to do, the rows folded', async () => {
    const { finish } = setup()
    fireEvent.click(screen.getByRole('button', { name: 'Run firewall check' }))
    const offline: ProbeContext = { interface: null, ssid: null, localIp: null, gateway: null, dnsServers: [], wired: null, warnings: [] }
    await act(async () => finish({ ok: true, run: run([fail, { ...fail, host: 'time.nist.gov' }], false, offline) }))
    expect(screen.getByRole('alert').textContent).toContain('Nothing could be reached: none of the 2 checks got through')
    expect(screen.getByRole('alert').textContent).toContain('no network connection')
    // Cast: the summary's parent is the <details> FoldWhen renders.
    const fold = screen.getByText('Show all 2 checks').parentElement as HTMLDetailsElement
    expect(fold.open).toBe(false)
  })
})
