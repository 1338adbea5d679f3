// ARCHITECTURE.md security must-have 3 (IPC half; the web server's token/Host/CORS half is
// test/unit/web/server.test.ts): every IPC handler refuses an untrusted sender first and validates
// its arguments.
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { checkIpcHandlers, readSources } from './source-checks'
import { flipped, SECURE_IPC } from './secure-sample'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const flip = (from: string, to: string) => flipped('ipc.ts', SECURE_IPC, from, to)

describe('src/main/electron/ipc.ts (must-have 3)', () => {
  it('every ipcMain handler checks event.senderFrame first and validates its arguments', () => {
    expect(checkIpcHandlers(readSources(root, 'src/main'))).toEqual([])
  })
})

describe('the IPC checker rejects each flip', () => {
  it('accepts the secure sample', () => {
    expect(checkIpcHandlers([{ path: 'ipc.ts', text: SECURE_IPC }])).toEqual([])
  })
  it('a handler without the sender check is reported', () => {
    expect(checkIpcHandlers(flip("if (!isTrustedSender(event.senderFrame)) throw new Error('refused')\n", ''))[0]).toMatch(/must refuse an untrusted event\.senderFrame/)
  })
  it('a sender check that only logs is reported', () => {
    expect(checkIpcHandlers(flip("throw new Error('refused')", 'console.warn(name)'))[0]).toMatch(/must refuse an untrusted/)
  })
  it('a sender check after other work is reported', () => {
    expect(checkIpcHandlers(flip('if (!isTrustedSender', "void handlers[name]\n      if (!isTrustedSender"))[0]).toMatch(/first statement/)
  })
  it('a handler that skips argument validation is reported', () => {
    expect(checkIpcHandlers(flip('checkRequest(handlers, name, args)', 'runRequest(handlers, name, args)'))[0]).toMatch(/must validate its arguments/)
  })
  it('no IPC registration at all is reported', () => {
    expect(checkIpcHandlers([{ path: 'x.ts', text: 'export {}' }])).toHaveLength(1)
  })
})
