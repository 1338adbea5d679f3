// ARCHITECTURE.md security must-have 2: the preload exposes the contract only (one object with
// request and on) and listeners never receive the IpcRendererEvent.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkPreload, readSources } from './source-checks'
import { flipped, SECURE_PRELOAD } from './secure-sample'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const flip = (from: string, to: string) => flipped('p.ts', SECURE_PRELOAD, from, to)

describe('src/preload (must-have 2)', () => {
  it('exposes exactly one object with request and on, and never forwards the IPC event', () => {
    expect(checkPreload(readSources(root, 'src/preload'))).toEqual([])
  })
})

describe('the preload checker rejects each flip', () => {
  it('accepts the secure sample', () => {
    expect(checkPreload([{ path: 'p.ts', text: SECURE_PRELOAD }])).toEqual([])
  })
  it('an extra exposed key is reported', () => {
    expect(checkPreload(flip('const api = {', 'const api = { ipcRenderer,'))[0]).toMatch(/exactly request and on \(found ipcRenderer, on, request\)/)
  })
  it('a second exposeInMainWorld is reported', () => {
    expect(checkPreload(flip("contextBridge.exposeInMainWorld('api', api)", "contextBridge.exposeInMainWorld('api', api); contextBridge.exposeInMainWorld('ipc', { send: ipcRenderer.send })"))[0]).toMatch(/exactly once \(found 2\)/)
  })
  it('exposing something that is not an object literal is reported', () => {
    expect(checkPreload(flip("exposeInMainWorld('api', api)", "exposeInMainWorld('api', ipcRenderer)"))[0]).toMatch(/must expose an object literal/)
  })
  it('a listener that passes the IpcRendererEvent on is reported', () => {
    expect(checkPreload(flip('(_event, payload) => listener(payload)', '(_event, payload) => listener(_event, payload)'))[0]).toMatch(/passes on its IpcRendererEvent/)
  })
})

describe('listeners bound to a const are followed', () => {
  const named = SECURE_PRELOAD.replace(
    'ipcRenderer.on(channel, (_event, payload) => listener(payload))',
    'ipcRenderer.on(channel, wrapped)'
  )
  it('a named relay that drops the event passes', () => {
    expect(named).not.toBe(SECURE_PRELOAD)
    expect(checkPreload([{ path: 'p.ts', text: named }])).toEqual([])
  })
  it('a named relay that forwards the event is reported', () => {
    const leaky = named.replace('(_event: unknown, payload: unknown) => listener(payload)', '(_event: unknown, payload: unknown) => listener(_event, payload)')
    expect(checkPreload([{ path: 'p.ts', text: leaky }])[0]).toMatch(/passes on its IpcRendererEvent/)
  })
})
