/** The SSID combobox (issue 16 item 2): WAI-ARIA combobox, keyboard, filtering, hostile names as text. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import type { NetworkChoices } from '../../../src/renderer/src/network-picker/network-choices'
import { SsidCombobox } from '../../../src/renderer/src/network-picker/ssid-combobox'

afterEach(cleanup)

const HOSTILE = '<img src=x onerror="window.__pwned=1">'
const CHOICES: NetworkChoices = {
  choices: [
    { ssid: 'Tesla-Charging-Access', label: 'Tesla-Charging-Access', bands: '2.4', bestSignalDbm: -44, security: 'Open', bssCount: 1 },
    { ssid: 'HarbourPoint-EV', label: 'HarbourPoint-EV', bands: '2.4 + 5', bestSignalDbm: -52, security: 'WPA2 · CCMP', bssCount: 2 },
    { ssid: HOSTILE, label: HOSTILE, bands: '—', bestSignalDbm: null, security: 'unknown', bssCount: 1 }
  ],
  hiddenCount: 2,
  redactedCount: 0
}

function Harness({ choices = CHOICES, initial = '' }: { readonly choices?: NetworkChoices | null; readonly initial?: string }) {
  const [value, setValue] = useState(initial)
  return (
    <form onSubmit={() => (document.body.dataset.submitted = 'yes')}>
      <SsidCombobox label="Target network (SSID)" limit="targetSsid" value={value} onChange={setValue} choices={choices} sourceLabel="the live scan" noScan={<button type="button">Scan for networks</button>} />
      <output data-testid="value">{value}</output>
    </form>
  )
}

const input = () => screen.getByRole('combobox', { name: 'Target network (SSID)' })
const options = () => within(screen.getByRole('listbox', { hidden: true })).queryAllByRole('option', { hidden: true })

describe('SsidCombobox', () => {
  it('is a collapsed combobox tied to its listbox until opened', () => {
    render(<Harness />)
    expect(input().getAttribute('aria-expanded')).toBe('false')
    expect(input().getAttribute('aria-autocomplete')).toBe('list')
    expect(input().getAttribute('aria-controls')).toBe(screen.getByRole('listbox', { hidden: true }).id)
    expect(screen.queryByRole('listbox')).toBeNull()
  })

  it('↓ opens on the strongest network, ↓/↑ move (wrapping), Enter picks it without submitting the form', () => {
    render(<Harness />)
    fireEvent.keyDown(input(), { key: 'ArrowDown' })
    expect(input().getAttribute('aria-expanded')).toBe('true')
    const list = screen.getByRole('listbox', { name: 'Seen in the live scan, strongest first · 2 hidden BSSes not listed (type a hidden name exactly)' })
    expect(within(list).getAllByRole('option').map((o) => o.querySelector('.option-ssid')?.textContent)).toEqual(['Tesla-Charging-Access', 'HarbourPoint-EV', HOSTILE])
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[0]?.id)
    fireEvent.keyDown(input(), { key: 'ArrowDown' })
    expect(options()[1]?.getAttribute('aria-selected')).toBe('true')
    expect(options()[1]?.textContent).toBe('HarbourPoint-EV2.4 + 5 GHz, -52 dBm, WPA2 · CCMP')
    fireEvent.keyDown(input(), { key: 'ArrowUp' })
    fireEvent.keyDown(input(), { key: 'ArrowUp' })
    expect(options()[2]?.getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(input(), { key: 'ArrowDown' })
    fireEvent.keyDown(input(), { key: 'ArrowDown' })
    fireEvent.keyDown(input(), { key: 'Enter' })
    expect(screen.getByTestId('value').textContent).toBe('HarbourPoint-EV')
    expect(input().getAttribute('aria-expanded')).toBe('false')
    expect(input().getAttribute('aria-activedescendant')).toBeNull()
    expect(document.body.dataset.submitted).toBeUndefined()
  })

  it('typing stays free and filters the list; a name nobody broadcasts is kept', () => {
    render(<Harness />)
    fireEvent.change(input(), { target: { value: 'harbour' } })
    expect(input().getAttribute('aria-expanded')).toBe('true')
    expect(options().map((o) => o.querySelector('.option-ssid')?.textContent)).toEqual(['HarbourPoint-EV'])
    fireEvent.change(input(), { target: { value: 'Depot-Hidden' } })
    expect(options()).toHaveLength(0)
    expect(screen.getByText(/^No network in the live scan matches “Depot-Hidden”: the name typed is kept\./)).toBeTruthy()
    fireEvent.keyDown(input(), { key: 'Enter' })
    expect(screen.getByTestId('value').textContent).toBe('Depot-Hidden')
  })

  it('Escape closes the list and keeps the value; a click on an option picks it', () => {
    render(<Harness initial="Harb" />)
    fireEvent.keyDown(input(), { key: 'ArrowDown', altKey: true })
    expect(input().getAttribute('aria-expanded')).toBe('true')
    // Alt+↓ opens without choosing: nothing is active yet.
    expect(input().getAttribute('aria-activedescendant')).toBeNull()
    fireEvent.keyDown(input(), { key: 'Escape' })
    expect(input().getAttribute('aria-expanded')).toBe('false')
    expect(screen.getByTestId('value').textContent).toBe('Harb')
    fireEvent.click(screen.getByRole('button', { name: 'Networks seen (3)' }))
    fireEvent.click(screen.getByRole('option', { name: /^Tesla-Charging-Access/ }))
    expect(screen.getByTestId('value').textContent).toBe('Tesla-Charging-Access')
  })

  it('renders a hostile SSID as text and stores it exactly', () => {
    render(<Harness />)
    fireEvent.keyDown(input(), { key: 'ArrowUp' })
    fireEvent.keyDown(input(), { key: 'Enter' })
    expect(screen.getByTestId('value').textContent).toBe(HOSTILE)
    expect(document.querySelector('img')).toBeNull()
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined() // set only if the SSID ran as HTML
  })

  it('without a scan: no list, the way to scan instead', () => {
    render(<Harness choices={null} />)
    fireEvent.keyDown(input(), { key: 'ArrowDown' })
    expect(input().getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByRole('button', { name: /Networks seen/ })).toBeNull()
    expect(screen.getByRole('button', { name: 'Scan for networks' })).toBeTruthy()
  })
})
