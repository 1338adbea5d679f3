/**
 * IT handout page (NET-NTP, NET-TLS, NET-DOMAINS, SITE-PHONE): what the survey saw fail, the rules
 * to add, the files to copy or save. Saving sends the survey, the format and the interface name —
 * never a path or a text: main picks the destination and generates the file.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Survey } from '../../../src/shared/model/survey'
import { HandoutPage } from '../../../src/renderer/src/pages/handout-page'
import { callsOf, createFakeApi, type FakeApi } from '../support/fake-api'
import { makeLocation, makeMeasurement, makeSurvey } from '../support/fixtures'
import { probeRun } from '../../unit/requirements/probes'

afterEach(cleanup)

/** A site whose firewall drops NTP and inspects TLS to S3, probed at "Level P3 – stall 2". */
const sample: Survey = makeSurvey({
  site: { name: 'Harbour Point Garage' },
  targetSsid: 'HarbourPoint-IoT',
  locations: [
    makeLocation({
      id: 'p3',
      name: 'Level P3 – stall 2',
      measurements: [makeMeasurement({ probe: probeRun({ 'ntp pool.ntp.org': 'timeout', 'ntp time.nist.gov': 'timeout', 'tls s3.amazonaws.com': 'untrusted-certificate' }) })]
    })
  ]
})

function setup(survey: Survey | null = sample): FakeApi {
  const api = createFakeApi({ 'handout:save': async () => ({ ok: true, path: '/exports/Harbour-Point-Garage-2026-11-18-firewall.nft', download: null }) })
  render(<HandoutPage api={() => api} survey={survey} />)
  return api
}

describe('IT handout page', () => {
  it('lists what failed and the rules to add (NTP to both time servers, TLS to *.s3.amazonaws.com)', () => {
    setup()
    const failed = screen.getByRole('list', { name: 'What failed' })
    expect(within(failed).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'NTP pool.ntp.org: timeout (seen at Level P3 – stall 2) — allow UDP 123 to pool.ntp.org',
      'NTP time.nist.gov: timeout (seen at Level P3 – stall 2) — allow UDP 123 to time.nist.gov',
      'TLS s3.amazonaws.com: untrusted-certificate (seen at Level P3 – stall 2) — allow TCP 443 to s3.amazonaws.com'
    ])
    const toAdd = screen.getByRole('table', { name: 'Rules to add' })
    const rows = within(toAdd).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').slice(0, 4).map((c) => c.textContent))
    expect(rows).toEqual([
      ['NTP', 'UDP 123', 'pool.ntp.org', 'NET-NTP, NET-DOMAINS'],
      ['NTP', 'UDP 123', 'time.nist.gov', 'NET-NTP, NET-DOMAINS'],
      ['TLS', 'TCP 443', '*.s3.amazonaws.com', 'NET-TLS, NET-DOMAINS']
    ])
    expect(screen.getByText(/Tesla-Charging-Access/)).toBeTruthy()
  })

  it('without a survey: the whole list, nothing seen', () => {
    setup(null)
    expect(screen.queryByRole('list', { name: 'What failed' })).toBeNull()
    expect(within(screen.getByRole('table', { name: 'The whole allowlist' })).getAllByRole('row')).toHaveLength(8)
  })

  it('shows the nftables ruleset for the interface typed, refuses a bad name, and saves through main', async () => {
    const api = setup()
    const panel = screen.getByRole('tabpanel')
    expect(panel.textContent).toContain('define CHARGERS_IF = "br-chargers"')
    const iface = screen.getByRole('textbox', { name: "Chargers' interface" })
    fireEvent.change(iface, { target: { value: 'br0"; flush' } })
    expect(screen.getByRole('button', { name: 'Save .nft' }).hasAttribute('disabled')).toBe(true)
    expect(screen.getByText(/is not an interface name/)).toBeTruthy()
    fireEvent.change(iface, { target: { value: 'vlan20' } })
    expect(screen.getByRole('tabpanel').textContent).toContain('define CHARGERS_IF = "vlan20"')
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save .nft' }))
    })
    const [args] = callsOf(api, 'handout:save')
    expect(args?.[0].format).toBe('nftables')
    expect(args?.[0].chargersInterface).toBe('vlan20')
    expect(args?.[0].survey?.id).toBe(sample.id)
    expect(Object.keys(args?.[0] ?? {}).sort()).toEqual(['chargersInterface', 'format', 'survey'])
    expect(screen.getByText('/exports/Harbour-Point-Garage-2026-11-18-firewall.nft')).toBeTruthy()
  })

  it('switches format (dnsmasq lines) and copies the text shown', async () => {
    setup()
    fireEvent.click(screen.getByRole('tab', { name: 'dnsmasq' }))
    const text = screen.getByRole('tabpanel').textContent ?? ''
    expect(text).toContain('nftset=/sn.tesla.services/4#inet#wc_chargers#sn_tesla_services_v4')
    const writeText = vi.fn(async () => undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy' }))
    })
    expect(writeText).toHaveBeenCalledWith(text)
    expect(screen.getByText(/is on the clipboard/)).toBeTruthy()
  })

  it('a refused clipboard selects the text for Ctrl+C instead', async () => {
    setup()
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async () => Promise.reject(new Error('denied')) }, configurable: true })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy' }))
    })
    expect(screen.getByText(/press Ctrl\+C/)).toBeTruthy()
    expect(window.getSelection()?.toString()).toContain('table inet wc_chargers')
  })
})
