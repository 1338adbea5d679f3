/**
 * The contract at runtime: every request is validated against `requestArgs` before a handler
 * runs (main's dispatch and the test fake alike), and the maps agree with each other.
 */
import { describe, expect, it } from 'vitest'
import { eventNames, requestArgs, requestNames, type Handlers } from '../../../src/shared/contract'
import { checkRequest, isRequestName } from '../../../src/main/dispatch'
import { createFakeApi } from '../../support/fake-api'
import { makeSurvey } from '../../support/survey-builders'

const survey = makeSurvey()

// Cast: the Proxy answers every handler name; the target is never read.
const handlers = new Proxy({} as Handlers, {
  // Every name answers with its own name and arguments, so a test sees what reached the handler.
  get: (_t, name) => async (...args: unknown[]) => ({ name, args })
})

describe('checkRequest (main dispatch for IPC and web)', () => {
  const bad: ReadonlyArray<[string, string, unknown]> = [
    ['unknown request', 'survey:delete', []],
    ['prototype key', '__proto__', []],
    // Cast: deliberately the wrong type: what an attacker could send.
    ['non-string name', 42 as unknown as string, []],
    ['args not an array', 'app:info', {}],
    ['extra argument', 'app:info', [1]],
    ['survey:open without a handle', 'survey:open', []],
    ['survey:open with an empty handle', 'survey:open', ['']],
    // Main owns every path: a path is not a handle.
    ['survey:open with a path', 'survey:open', ['/home/tech/site.wcsurvey']],
    ['survey:save with a path instead of a handle', 'survey:save', ['/home/tech/.bashrc', survey]],
    ['survey:openPath with a huge path', 'survey:openPath', ['x'.repeat(5000)]],
    ['survey:save with a non-survey', 'survey:save', ['hHarbourPointGarage000', { schemaVersion: 2 }]],
    ['survey:save with a newer schemaVersion', 'survey:save', ['hHarbourPointGarage000', { ...survey, schemaVersion: 99 }]],
    ['report:exportPdf with a path', 'report:exportPdf', [{ survey, paper: 'A4', path: '/home/tech/.bashrc' }]],
    ['report:exportEvidence with a path', 'report:exportEvidence', [{ survey, locationId: 'l1', path: '/tmp/x.png' }]],
    ['survey:create without a site name', 'survey:create', [{ billingMode: 'free' }]],
    ['survey:create with an unknown billing mode', 'survey:create', [{ siteName: 'S', billingMode: 'gratis' }]],
    ['scan:start below the 2 s floor', 'scan:start', [{ intervalMs: 100 }]],
    ['scan:snapshot with 0 scans', 'scan:snapshot', [{ scans: 0 }]],
    ['probe:run with a string timeout', 'probe:run', [{ timeoutMs: '5000' }]],
    ['report:exportPdf with an unknown paper', 'report:exportPdf', [{ survey, paper: 'A3' }]],
    ['company:save with a path (strict)', 'company:save', [{ name: 'A', phone: '', email: '', website: '', address: '', logo: null, path: '/tmp/x' }]],
    ['company:save with a 201-character name', 'company:save', [{ name: 'A'.repeat(201), phone: '', email: '', website: '', address: '', logo: null }]],
    ['company:save without the logo field', 'company:save', [{ name: 'A', phone: '', email: '', website: '', address: '' }]],
    ['company:checkLogo with data that is not base64', 'company:checkLogo', [{ fileName: 'a.png', data: '<svg>' }]],
    ['company:checkLogo over 1 MB of base64', 'company:checkLogo', [{ fileName: 'a.png', data: 'A'.repeat(1398108) }]],
    ['company:get with an argument', 'company:get', ['/etc/passwd']]
  ]
  it.each(bad)('rejects %s', (_name, name, args) => {
    const checked = checkRequest(handlers, name, args)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.message).toMatch(/^(unknown request|invalid arguments): /)
  })

  it('runs the handler with parsed arguments (zod defaults applied)', async () => {
    const checked = checkRequest(handlers, 'survey:create', [{ siteName: 'S', billingMode: 'billed' }])
    if (!checked.ok) throw new Error(checked.message)
    expect(await checked.run()).toEqual({
      name: 'survey:create',
      args: [{ siteName: 'S', billingMode: 'billed', address: '', customer: '', technician: '', targetSsid: '', notes: '' }]
    })
  })

  it('knows exactly the contract names', () => {
    // The preload's name list and the schema map are the same set: a missing or an extra name fails.
    expect([...requestNames].sort()).toEqual(Object.keys(requestArgs).sort())
    expect(requestNames.length).toBeGreaterThan(0)
    for (const name of requestNames) expect(isRequestName(name)).toBe(true)
    for (const name of ['toString', 'hasOwnProperty', '', 'app:info ']) expect(isRequestName(name)).toBe(false)
  })
})

describe('createFakeApi', () => {
  it('validates like main and answers through a JSON round trip', async () => {
    const api = createFakeApi({ 'survey:open': async (handle) => ({ ok: false, reason: 'not-found', message: `${handle} is gone` }) })
    await expect(api.request('survey:open', '')).rejects.toThrow(/invalid arguments/)
    expect(await api.request('survey:open', 'hHarbourPointGarage000')).toEqual({ ok: false, reason: 'not-found', message: 'hHarbourPointGarage000 is gone' })
    await expect(api.request('survey:list')).rejects.toThrow(/no fake handler for survey:list/)
    expect(api.calls.map((c) => c.name)).toEqual(['survey:open', 'survey:list'])
  })

  it('delivers events to listeners until they unsubscribe', () => {
    const api = createFakeApi({})
    const seen: unknown[] = []
    const off = api.on('app:command', (c) => seen.push(c.command))
    api.emit('app:command', { command: 'about', handle: null })
    off()
    api.emit('app:command', { command: 'library', handle: null })
    expect(seen).toEqual(['about'])
    expect(api.listenerCount('app:command')).toBe(0)
    // Cast: deliberately a name outside the contract.
    expect(() => api.on('nope' as 'app:command', () => undefined)).toThrow(/unknown event/)
    // Written by hand from the contract's Events: a missing or an extra event name fails.
    expect([...eventNames].sort()).toEqual([
      'app:command',
      'charger:discovery',
      'probe:progress',
      'report:progress',
      'scan:progress',
      'scan:sample',
      'scan:status',
      'watch:update'
    ])
  })
})
