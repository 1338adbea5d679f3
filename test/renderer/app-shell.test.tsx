/** The shell: header with site, network and save status; menu commands; save errors with Retry. */
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { SaveOutcome } from '../../src/shared/contract'
import type { Survey } from '../../src/shared/model/survey'
import { callsOf } from './support/fake-api'
import { HANDLE, makeSurvey, OTHER_HANDLE } from './support/fixtures'
import { renderApp } from './support/render-app'

afterEach(cleanup)

const PATH = '/data/surveys/harbour.wcsurvey'

async function createOne(handlers: Parameters<typeof renderApp>[0]) {
  const result = renderApp({
    'survey:create': async () => ({ ok: true, handle: HANDLE, writable: true, path: PATH, survey: makeSurvey({ targetSsid: 'Garage-IoT' }), migratedFrom: null }),
    ...handlers
  })
  act(() => result.api.emit('app:command', { command: 'new-survey', handle: null }))
  fireEvent.change(await screen.findByLabelText(/Site name/), { target: { value: 'Harbour Point' } })
  fireEvent.click(screen.getByRole('button', { name: 'Create survey' }))
  await screen.findByRole('heading', { name: 'Locations' })
  return result
}

// Generous timeout: the renderer tier shares 2 CPU cores with the other tiers.
describe('app shell', { timeout: 20000 }, () => {
  it('the menu\'s New survey opens the form; the header names the site, network and file', async () => {
    await createOne({ 'survey:save': async () => ({ ok: true, path: PATH, savedAt: new Date().toISOString() }) })
    const header = screen.getByRole('banner')
    expect(header.textContent).toContain('Harbour Point')
    expect(header.textContent).toContain('Garage-IoT')
    expect(header.textContent).toContain('harbour.wcsurvey')
    // Main wrote the new file: "Saved" at its time, not "No changes yet" (issue 16 item 11).
    expect(header.textContent).toMatch(/Saved \d\d:\d\d:\d\d/)
    expect(header.textContent).not.toContain('No changes yet')
  })

  it('a failed save shows a banner naming the file with the message; Retry saves the kept edit', async () => {
    let fail = true
    const message = 'Could not save harbour.wcsurvey: the folder is read-only. Use Save As to save a copy elsewhere.'
    const { api } = await createOne({
      'survey:save': async (): Promise<SaveOutcome> => (fail ? { ok: false, reason: 'read-only', message } : { ok: true, path: PATH, savedAt: new Date().toISOString() })
    })
    fireEvent.change(screen.getByLabelText('New location name'), { target: { value: 'Stall 1' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add location' }))
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 })
    expect(alert.textContent).toContain('Could not save harbour.wcsurvey')
    expect(alert.textContent).toContain(message)
    expect(screen.getByRole('banner').textContent).toContain('Not saved')
    fail = false
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull())
    // Cast: argument 1 of survey:save is the Survey (contract).
    const last = callsOf(api, 'survey:save').at(-1)?.[1] as Survey
    expect(last.locations.map((l) => l.name)).toEqual(['Stall 1'])
  })

  it('will not close or open another survey while an edit is unsaved', async () => {
    const message = 'Could not save harbour.wcsurvey: the disk is full. Free some space, then retry.'
    const { api } = await createOne({ 'survey:save': async (): Promise<SaveOutcome> => ({ ok: false, reason: 'disk-full', message }) })
    fireEvent.change(screen.getByLabelText('New location name'), { target: { value: 'Stall 1' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add location' }))
    await screen.findByRole('alert', {}, { timeout: 3000 })
    fireEvent.click(screen.getByRole('button', { name: 'Close' }))
    await screen.findByText('Unsaved changes')
    expect(screen.getByRole('heading', { name: 'Stall 1' })).toBeTruthy()
    expect(callsOf(api, 'survey:save').length).toBeGreaterThanOrEqual(1)
  })

  it('Save As in browser mode asks for a file name in the surveys folder and keeps saving to the handle main issued', async () => {
    const { api } = await createOne({
      'survey:save': async () => ({ ok: true, path: PATH, savedAt: new Date().toISOString() }),
      'survey:saveAs': async (_survey, name) => ({ ok: true, handle: OTHER_HANDLE, path: `/data/surveys/${name ?? ''}`, savedAt: new Date().toISOString() })
    })
    act(() => api.emit('app:command', { command: 'save-as', handle: null }))
    const field = await screen.findByLabelText(/Save a copy as/)
    expect(field.closest('form')?.textContent).toContain('/data/surveys')
    // Prefilled with a free-looking name beside the original.
    expect((field as HTMLInputElement).value).toBe('harbour copy.wcsurvey')
    fireEvent.change(field, { target: { value: 'harbour-copy.wcsurvey' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByText('Saved as harbour-copy.wcsurvey')
    expect(callsOf(api, 'survey:saveAs')[0]?.[1]).toBe('harbour-copy.wcsurvey')
    fireEvent.change(screen.getByLabelText('New location name'), { target: { value: 'Stall 2' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add location' }))
    await waitFor(() => expect(callsOf(api, 'survey:save').length).toBeGreaterThan(0), { timeout: 3000 })
    expect(callsOf(api, 'survey:save').at(-1)?.[0]).toBe(OTHER_HANDLE)
  })

  it('the menu\'s Open Recent opens that file for review by the handle main sent', async () => {
    const { api } = renderApp({ 'survey:open': async (handle) => ({ ok: true, handle, writable: true, path: '/old/site.wcsurvey', survey: makeSurvey(), migratedFrom: 1 }) })
    act(() => api.emit('app:command', { command: 'open-handle', handle: HANDLE }))
    await screen.findByText('Review mode — this survey is read-only')
    expect(callsOf(api, 'survey:open')[0]?.[0]).toBe(HANDLE)
    expect(screen.getByText('Upgraded site.wcsurvey')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Edit survey' })).toBeTruthy()
  })

  it('a file main will not write (browser mode, outside the surveys folder) opens for review only; Save a copy to edit saves into the surveys folder and edits the copy', async () => {
    const { api } = renderApp({
      'survey:openPath': async (path) => ({ ok: true, handle: HANDLE, writable: false, path, survey: makeSurvey(), migratedFrom: null }),
      'survey:saveAs': async (_survey, name) => ({ ok: true, handle: OTHER_HANDLE, path: `/data/surveys/${name ?? ''}`, savedAt: new Date().toISOString() }),
      'survey:save': async () => ({ ok: true, path: '/data/surveys/site copy.wcsurvey', savedAt: new Date().toISOString() })
    })
    fireEvent.change(await screen.findByLabelText('Open a file'), { target: { value: '/mnt/usb/site.wcsurvey' } })
    fireEvent.click(screen.getByRole('button', { name: 'Open' }))
    await screen.findByText('Review mode — this survey is read-only')
    expect(callsOf(api, 'survey:openPath')[0]?.[0]).toBe('/mnt/usb/site.wcsurvey')
    expect(screen.getByText(/This file is outside the surveys folder, and browser mode saves only there/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Edit survey' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Save a copy to edit' }))
    const field = await screen.findByLabelText(/Save a copy as/)
    // Cast: the label names an <input>.
    expect((field as HTMLInputElement).value).toBe('site copy.wcsurvey')
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByText('Saved as site copy.wcsurvey')
    expect(screen.queryByText('Review mode')).toBeNull()
    fireEvent.change(screen.getByLabelText('New location name'), { target: { value: 'Stall 9' } })
    fireEvent.click(screen.getByRole('button', { name: 'Add location' }))
    await waitFor(() => expect(callsOf(api, 'survey:save').length).toBeGreaterThan(0), { timeout: 3000 })
    expect(callsOf(api, 'survey:save').at(-1)?.[0]).toBe(OTHER_HANDLE)
  })
})
