/**
 * The preload with a stand-in for Electron's modules: it exposes exactly `request` and `on`,
 * listeners never see the IpcRendererEvent (checklist #20), unknown names are refused.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Api } from '../../../src/shared/contract'

const exposed = new Map<string, unknown>()
const invoked: unknown[][] = []
const subscribed = new Map<string, Set<(...a: unknown[]) => void>>()

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => {
      invoked.push(args)
      return 'answer'
    },
    on: (channel: string, fn: (...a: unknown[]) => void) => {
      const set = subscribed.get(channel) ?? new Set()
      set.add(fn)
      subscribed.set(channel, set)
    },
    removeListener: (channel: string, fn: (...a: unknown[]) => void) => subscribed.get(channel)?.delete(fn)
  }
}))

let api: Api
beforeAll(async () => {
  await import('../../../src/preload/index')
  api = exposed.get('wcSurvey') as Api // what the preload exposed under API_GLOBAL
})

describe('preload', () => {
  it('exposes one global with exactly request and on', () => {
    expect([...exposed.keys()]).toEqual(['wcSurvey'])
    expect(Object.keys(api).sort()).toEqual(['on', 'request'])
  })

  it('forwards a contract request on its own channel', async () => {
    expect(await api.request('survey:open', 'hHarbourPointGarage000')).toBe('answer')
    expect(invoked).toEqual([['survey:open', 'hHarbourPointGarage000']])
  })

  it('refuses names outside the contract', async () => {
    // Cast: deliberately names outside the contract.
    await expect(api.request('shell:exec' as 'app:info')).rejects.toThrow(/Unknown request/)
    expect(() => api.on('ipc:raw' as 'app:command', () => undefined)).toThrow(/Unknown event/)
    expect(invoked).toHaveLength(1)
  })

  it('gives listeners the payload only, never the IPC event, and unsubscribes', () => {
    const seen: unknown[][] = []
    const off = api.on('app:command', (...args: unknown[]) => seen.push(args))
    const fakeEvent = { sender: { send: () => undefined }, ports: [] }
    for (const fn of subscribed.get('app:command') ?? []) fn(fakeEvent, { command: 'about', path: null })
    expect(seen).toEqual([[{ command: 'about', path: null }]])
    off()
    expect(subscribed.get('app:command')?.size).toBe(0)
  })
})
