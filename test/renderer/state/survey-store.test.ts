/** The survey store: debounced autosave, review mode, failed saves that lose nothing. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SaveOutcome } from '../../../src/shared/contract'
import type { Survey } from '../../../src/shared/model/survey'
import { addLocation, setSite } from '../../../src/renderer/src/state/survey-edits'
import {
  AUTOSAVE_DELAY_MS,
  createSurvey,
  enableEditing,
  flushSave,
  getSurveyState,
  openSurvey,
  resetSurveyStore,
  retrySave,
  updateSurvey
} from '../../../src/renderer/src/state/survey-store'
import { callsOf, createFakeApi, installFakeApi, type FakeApi } from '../support/fake-api'
import { HANDLE, makeSurvey } from '../support/fixtures'

const PATH = '/data/surveys/harbour-point.wcsurvey'

function setup(save: (handle: string, s: Survey) => SaveOutcome | Promise<SaveOutcome>, options: { writable?: boolean } = {}): FakeApi {
  const writable = options.writable ?? true
  const api = createFakeApi({
    'survey:create': async () => ({ ok: true, handle: HANDLE, writable: true, path: PATH, survey: makeSurvey(), migratedFrom: null }),
    'survey:open': async (handle) => ({ ok: true, handle, writable, path: PATH, survey: makeSurvey(), migratedFrom: null }),
    // Cast: the fake records calls untyped; survey:save's second argument is a Survey (contract).
    'survey:save': async (handle, s) => save(handle, s as Survey)
  })
  installFakeApi(api)
  return api
}

const saved = (): SaveOutcome => ({ ok: true, path: PATH, savedAt: '2026-11-24T12:04:31.000Z' })

beforeEach(() => {
  vi.useFakeTimers()
  resetSurveyStore()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('autosave', () => {
  it('saves once, after the last of several quick edits, within 1 s', async () => {
    const api = setup(saved)
    await createSurvey({ siteName: 'Harbour Point', billingMode: 'free' })
    updateSurvey(setSite({ name: 'H' }))
    await vi.advanceTimersByTimeAsync(300)
    updateSurvey(setSite({ name: 'Ha' }))
    await vi.advanceTimersByTimeAsync(300)
    updateSurvey(setSite({ name: 'Har' }))
    expect(callsOf(api, 'survey:save')).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1)
    expect(callsOf(api, 'survey:save')).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    const saves = callsOf(api, 'survey:save')
    expect(saves).toHaveLength(1)
    expect(saves[0]?.[0]).toBe(HANDLE)
    // Cast: argument 1 of survey:save is the Survey (contract).
    expect((saves[0]?.[1] as Survey).site.name).toBe('Har')
    expect(AUTOSAVE_DELAY_MS).toBeLessThanOrEqual(1000)
    expect(getSurveyState().save).toEqual({ state: 'saved', at: '2026-11-24T12:04:31.000Z', message: null })
  })

  it('bumps updatedAt on every edit', async () => {
    setup(saved)
    vi.setSystemTime(new Date('2026-11-24T10:00:00.000Z'))
    await createSurvey({ siteName: 'Harbour Point', billingMode: 'free' })
    updateSurvey(addLocation('l1', 'Stall 1'))
    expect(getSurveyState().survey?.updatedAt).toBe('2026-11-24T10:00:00.000Z')
    expect(getSurveyState().survey?.locations.map((l) => l.name)).toEqual(['Stall 1'])
  })

  it('saves an edit made while a save is running, right after it', async () => {
    const pending: (() => void)[] = []
    const api = setup(
      () =>
        new Promise<SaveOutcome>((resolve) => {
          pending.push(() => resolve(saved()))
        })
    )
    await createSurvey({ siteName: 'Harbour Point', billingMode: 'free' })
    updateSurvey(setSite({ name: 'First' }))
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    expect(getSurveyState().save.state).toBe('saving')
    updateSurvey(setSite({ name: 'Second' }))
    pending.shift()?.()
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    pending.shift()?.()
    await vi.advanceTimersByTimeAsync(0)
    // Cast: argument 1 of survey:save is the Survey (contract).
    const names = callsOf(api, 'survey:save').map((c) => (c[1] as Survey).site.name)
    expect(names).toEqual(['First', 'Second'])
  })
})

describe('review mode', () => {
  it('opens by handle read-only: edits are ignored and nothing is saved until Edit', async () => {
    const api = setup(saved)
    await openSurvey(HANDLE)
    expect(getSurveyState().readOnly).toBe(true)
    const before = getSurveyState().survey
    updateSurvey(setSite({ name: 'Changed' }))
    await vi.advanceTimersByTimeAsync(2000)
    expect(getSurveyState().survey).toBe(before)
    expect(callsOf(api, 'survey:save')).toHaveLength(0)

    enableEditing()
    updateSurvey(setSite({ name: 'Changed' }))
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    expect(callsOf(api, 'survey:save')).toHaveLength(1)
    expect(getSurveyState().survey?.site.name).toBe('Changed')
  })

  it('a file main will not write stays read-only: Edit does nothing, nothing is saved', async () => {
    const api = setup(saved, { writable: false })
    await openSurvey(HANDLE)
    enableEditing()
    expect(getSurveyState()).toMatchObject({ readOnly: true, writable: false })
    updateSurvey(setSite({ name: 'Changed' }))
    await vi.advanceTimersByTimeAsync(2000)
    expect(callsOf(api, 'survey:save')).toHaveLength(0)
  })

  it('a new survey is editable at once', async () => {
    setup(saved)
    await createSurvey({ siteName: 'Harbour Point', billingMode: 'billed' })
    expect(getSurveyState().readOnly).toBe(false)
  })
})

describe('failed save', () => {
  it('keeps the edit in memory, shows the message, and retries on the next change and on Retry', async () => {
    const message = 'Could not save harbour-point.wcsurvey: the disk is full. Free some space, then retry.'
    let fail = true
    const api = setup(() => (fail ? { ok: false, reason: 'disk-full', message } : saved()))
    await createSurvey({ siteName: 'Harbour Point', billingMode: 'free' })
    updateSurvey(addLocation('l1', 'Stall 1'))
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    expect(getSurveyState().save).toMatchObject({ state: 'error', message })
    expect(getSurveyState().survey?.locations.map((l) => l.name)).toEqual(['Stall 1'])

    updateSurvey(addLocation('l2', 'Stall 2'))
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS)
    expect(callsOf(api, 'survey:save')).toHaveLength(2)
    expect(getSurveyState().save.state).toBe('error')

    fail = false
    await retrySave()
    const last = callsOf(api, 'survey:save').at(-1)
    // Cast: argument 1 of survey:save is the Survey (contract).
    expect((last?.[1] as Survey).locations.map((l) => l.name)).toEqual(['Stall 1', 'Stall 2'])
    expect(getSurveyState().save.state).toBe('saved')
  })

  it('a transport error is a failed save, not a lost edit', async () => {
    setup(() => {
      throw new Error('fetch failed')
    })
    await createSurvey({ siteName: 'Harbour Point', billingMode: 'free' })
    updateSurvey(setSite({ notes: 'keep me' }))
    await flushSave()
    expect(getSurveyState().save.state).toBe('error')
    expect(getSurveyState().save.message).toContain(PATH)
    expect(getSurveyState().survey?.site.notes).toBe('keep me')
  })
})
