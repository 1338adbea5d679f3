/** Renders the whole app against a fake Api, with every store back to its start. */
import { fireEvent, render, screen } from '@testing-library/react'
import type { Survey } from '../../../src/shared/model/survey'
import { App } from '../../../src/renderer/src/app'
import { libraryStore } from '../../../src/renderer/src/state/library-store'
import { measureStore } from '../../../src/renderer/src/state/measure-store'
import { navStore } from '../../../src/renderer/src/state/nav-store'
import { noticeStore } from '../../../src/renderer/src/state/notice-store'
import { networkScanStore } from '../../../src/renderer/src/network-picker/network-scan-store'
import { resetScanStore } from '../../../src/renderer/src/state/scan-store'
import { resetSurveyStore } from '../../../src/renderer/src/state/survey-store'
import { resetWatchStore } from '../../../src/renderer/src/state/watch-store'
import { uiStore } from '../../../src/renderer/src/state/ui-store'
import { createFakeApi, installFakeApi, type FakeApi, type FakeHandlers } from './fake-api'
import { appInfo, HANDLE } from './fixtures'

/** Resets the stores, installs a fake Api with sensible defaults plus `handlers`, renders <App />. */
export function renderApp(handlers: FakeHandlers): { api: FakeApi } & ReturnType<typeof render> {
  sessionStorage.clear()
  resetSurveyStore()
  resetWatchStore()
  resetScanStore()
  networkScanStore.set({ busy: false, scan: null, error: null })
  navStore.set('library')
  noticeStore.set([])
  uiStore.set({ newSurveyFormOpen: false, openPathRequest: 0, saveAsOpen: false })
  measureStore.set({ running: null, done: 0, total: 0, failure: null })
  libraryStore.set({ loading: false, surveys: [], recent: [], error: null, info: null })
  const api = createFakeApi({
    'app:info': async () => appInfo,
    'survey:list': async () => [],
    'survey:recent': async () => [],
    ...handlers
  })
  installFakeApi(api)
  return { api, ...render(<App />) }
}

/** Where renderAppWithSurvey's survey lives, as main would report it. */
export const SURVEY_PATH = '/data/surveys/harbour.wcsurvey'

/** renderApp with `survey` listed in the library (writable, saves succeed), opened from there (review mode). */
export async function renderAppWithSurvey(survey: Survey, handlers: FakeHandlers = {}): Promise<FakeApi> {
  const { api } = renderApp({
    'survey:list': async () => [
      { handle: HANDLE, path: SURVEY_PATH, fileName: 'harbour.wcsurvey', id: survey.id, siteName: survey.site.name, customer: '', targetSsid: survey.targetSsid, createdAt: survey.createdAt, updatedAt: survey.updatedAt, lineageId: survey.id, locationCount: survey.locations.length, verdict: null, error: null }
    ],
    'survey:open': async (handle) => ({ ok: true, handle, writable: true, path: SURVEY_PATH, survey, migratedFrom: null }),
    'survey:save': async () => ({ ok: true, path: SURVEY_PATH, savedAt: new Date().toISOString() }),
    ...handlers
  })
  fireEvent.click(await screen.findByRole('button', { name: survey.site.name }))
  await screen.findByRole('heading', { name: 'Locations' })
  return api
}
