/**
 * Main's IPC wiring with a stand-in ipcMain: one handler per contract request, sender checked
 * (top frame, app origin via new URL()), arguments validated before the handler runs.
 */
import { describe, expect, it, vi } from 'vitest'
import { requestArgs, type Handlers } from '../../../src/shared/contract'

type Listener = (event: { senderFrame: unknown }, ...args: unknown[]) => Promise<unknown>
const registered = new Map<string, Listener>()
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: Listener) => registered.set(channel, fn),
    removeHandler: (channel: string) => registered.delete(channel)
  }
}))

const { registerIpcHandlers, createIpcEventSink, isTrustedSender } = await import('../../../src/main/electron/ipc')

const calls: unknown[][] = []
// Cast: the Proxy answers every handler name; the target is never read.
const handlers = new Proxy({} as Handlers, {
  get: (_t, name) => async (...args: unknown[]) => {
    calls.push([name, ...args])
    return { ok: true }
  }
})

const top = { url: 'app://wc-site-survey/index.html', parent: null }
const frames: ReadonlyArray<[string, unknown]> = [
  ['no frame (destroyed)', null],
  ['a subframe of the app', { url: 'app://wc-site-survey/index.html', parent: top }],
  ['a foreign page', { url: 'https://evil.example/', parent: null }],
  ['a file: page', { url: 'file:///tmp/x.html', parent: null }],
  ['a lookalike host', { url: 'app://wc-site-survey.evil/index.html', parent: null }],
  ['userinfo trick', { url: 'app://evil@wc-site-survey/', parent: null }]
]

// `as never` below: plain objects stand in for Electron's WebFrameMain/WebContents classes.
describe('registerIpcHandlers', () => {
  const dispose = registerIpcHandlers(handlers, null)

  it('registers exactly one handler per contract request', () => {
    expect([...registered.keys()].sort()).toEqual(Object.keys(requestArgs).sort())
  })

  it('runs a valid request from the app page with parsed arguments', async () => {
    await expect(registered.get('scan:stop')?.({ senderFrame: top }, 's-1')).resolves.toEqual({ ok: true })
    expect(calls).toEqual([['scan:stop', 's-1']])
  })

  it.each(frames)('refuses %s', async (_name, frame) => {
    calls.length = 0
    await expect(registered.get('app:info')?.({ senderFrame: frame })).rejects.toThrow(/did not come from the app's page/)
    expect(calls).toEqual([])
    // Cast: a stand-in WebFrameMain with only the fields isTrustedSender reads.
    expect(isTrustedSender(frame as never, null)).toBe(false)
  })

  it('rejects invalid arguments before the handler runs', async () => {
    calls.length = 0
    await expect(registered.get('survey:open')?.({ senderFrame: top })).rejects.toThrow(/invalid arguments/)
    await expect(registered.get('survey:save')?.({ senderFrame: top }, 'hHarbourPointGarage000', { schemaVersion: 99 })).rejects.toThrow(/invalid arguments/)
    expect(calls).toEqual([])
  })

  it('trusts the dev server only when it is configured', () => {
    const dev = { url: 'http://localhost:5173/', parent: null }
    // Cast: a stand-in WebFrameMain with only the fields isTrustedSender reads.
    expect(isTrustedSender(dev as never, null)).toBe(false)
    expect(isTrustedSender(dev as never, 'http://localhost:5173')).toBe(true)
  })

  it('removes every handler on dispose', () => {
    dispose()
    expect(registered.size).toBe(0)
  })
})

describe('createIpcEventSink', () => {
  it('sends contract events to the live page only', () => {
    const sent: unknown[][] = []
    let destroyed = false
    const contents = { isDestroyed: () => destroyed, send: (...a: unknown[]) => sent.push(a) }
    // Cast: a stand-in WebContents with only the methods the sink calls.
    const emit = createIpcEventSink(() => contents as never)
    emit('app:command', { command: 'about', handle: null })
    // Cast: deliberately a name outside the contract.
    emit('not-an-event' as 'app:command', { command: 'about', handle: null })
    destroyed = true
    emit('app:command', { command: 'library', handle: null })
    expect(sent).toEqual([['app:command', { command: 'about', handle: null }]])
  })
})
