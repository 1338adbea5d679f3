/** The library page: rows, file errors, empty state with the sample, New survey, open by path. */
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { LibraryEntry } from '../../src/shared/contract'
import { HANDLE, makeSurvey, OTHER_HANDLE } from './support/fixtures'
import { renderApp } from './support/render-app'
import { callsOf } from './support/fake-api'

afterEach(cleanup)

const rows: LibraryEntry[] = [
  {
    handle: HANDLE,
    path: '/data/surveys/harbour.wcsurvey',
    fileName: 'harbour.wcsurvey',
    id: 'a',
    lineageId: 'a',
    siteName: 'Harbour Point',
    customer: 'Acme Parking',
    targetSsid: 'Garage-IoT',
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt: '2026-11-20T09:00:00.000Z',
    locationCount: 4,
    verdict: 'not-ready',
    error: null
  },
  {
    handle: OTHER_HANDLE,
    path: '/data/surveys/mall.wcsurvey',
    fileName: 'mall.wcsurvey',
    id: 'b',
    lineageId: 'b',
    siteName: 'Mall',
    customer: 'City',
    targetSsid: 'mall-ev',
    createdAt: '2026-11-21T09:00:00.000Z',
    updatedAt: '2026-11-21T09:00:00.000Z',
    locationCount: 2,
    verdict: null,
    error: null
  },
  {
    handle: 'hBrokenSurveyFile00000',
    path: '/data/surveys/broken.wcsurvey',
    fileName: 'broken.wcsurvey',
    id: '',
    lineageId: '',
    siteName: '',
    customer: '',
    targetSsid: '',
    createdAt: '',
    updatedAt: '',
    locationCount: 0,
    verdict: null,
    error: 'broken.wcsurvey is not valid JSON (the file may be damaged). It was left untouched.'
  }
]

// Generous timeout: the renderer tier shares 2 CPU cores with the other tiers.
describe('library page', { timeout: 20000 }, () => {
  it('lists surveys with verdicts, a dash for none, and the file error on its own row', async () => {
    renderApp({ 'survey:list': async () => rows })
    const table = await screen.findByRole('table')
    expect(within(table).getByText('Harbour Point')).toBeTruthy()
    expect(within(table).getByText('Not ready')).toBeTruthy()
    expect(within(table).getByLabelText('No verdict')).toBeTruthy()
    expect(within(table).getByText(/is not valid JSON/)).toBeTruthy()
    expect(within(table).getByText('broken.wcsurvey')).toBeTruthy()
  })

  it('filters with the search box and sorts by a column header', async () => {
    renderApp({ 'survey:list': async () => rows })
    await screen.findByRole('table')
    fireEvent.change(screen.getByLabelText('Search surveys'), { target: { value: 'acme' } })
    expect(screen.queryByText('Mall')).toBeNull()
    expect(screen.getByText('1 of 3 surveys')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Search surveys'), { target: { value: '' } })
    fireEvent.click(screen.getByRole('button', { name: /^Locations/ }))
    const firstData = screen.getAllByRole('row')[1]
    expect(within(firstData!).getByText('Mall')).toBeTruthy()
  })

  it('empty: explains the app and opens the sample survey for review', async () => {
    const sample = makeSurvey({ site: { ...makeSurvey().site, name: 'Sample garage' } })
    const { api } = renderApp({
      'survey:openSample': async () => ({ ok: true, handle: HANDLE, writable: true, path: '/data/surveys/Sample.wcsurvey', survey: sample, migratedFrom: null })
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Open the sample survey' }))
    await screen.findByText('Review mode — this survey is read-only')
    expect(callsOf(api, 'survey:openSample')).toHaveLength(1)
    expect(screen.getAllByText('Sample garage').length).toBeGreaterThan(0)
  })

  it('creates a survey from the form and opens it for editing', async () => {
    const { api } = renderApp({
      'survey:create': async (input) => ({
        ok: true,
        handle: HANDLE,
        writable: true,
        path: '/data/surveys/new.wcsurvey',
        survey: makeSurvey({ site: { ...makeSurvey().site, name: input.siteName, billingMode: input.billingMode } }),
        migratedFrom: null
      })
    })
    fireEvent.click((await screen.findAllByRole('button', { name: 'New survey' }))[0]!)
    fireEvent.change(screen.getByLabelText(/Site name/), { target: { value: 'Depot 7' } })
    fireEvent.click(screen.getByLabelText('Billed'))
    expect(screen.getByText(/every connectivity problem makes the site not ready/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Create survey' }))
    await screen.findByRole('heading', { name: 'Locations' })
    expect(callsOf(api, 'survey:create')[0]?.[0]).toMatchObject({ siteName: 'Depot 7', billingMode: 'billed' })
    expect(screen.queryByText('Review mode — this survey is read-only')).toBeNull()
  })

  it('opening a corrupt file by path shows the message naming the file', async () => {
    const message = 'bad.wcsurvey is not valid JSON (the file may be damaged). The file was not changed; restore it from a backup.'
    renderApp({ 'survey:openPath': async () => ({ ok: false, reason: 'corrupt', message }) })
    fireEvent.change(await screen.findByLabelText('Open a file'), { target: { value: '/tmp/bad.wcsurvey' } })
    fireEvent.click(screen.getByRole('button', { name: 'Open' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Could not open bad.wcsurvey')
    expect(alert.textContent).toContain(message)
    expect(screen.getByRole('heading', { name: 'Survey library' })).toBeTruthy()
  })
})
