// No service error ends the process (issue 17, item 1): a stray throw in a callback and an
// unhandled rejection are logged and the process keeps running; a handler that throws fails only
// its own request, with its message, and is logged.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { checkRequest } from '../../../src/main/dispatch'
import type { Handlers } from '../../../src/shared/contract'

const guard = resolve(import.meta.dirname, '../../../src/main/process-guard.ts')

function runChild(body: string): { status: number | null; stdout: string; stderr: string } {
  const script = `import { guardProcess } from ${JSON.stringify(guard)}\n${body}\n`
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20000 })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

describe('guardProcess', () => {
  it('a throw in a timer callback is logged with its stack and the process goes on', () => {
    const child = runChild(`guardProcess()
setTimeout(() => { throw new RangeError('bad port from a socket callback') }, 0)
setTimeout(() => process.stdout.write('still running'), 50)`)
    expect(child.status).toBe(0)
    expect(child.stdout).toBe('still running')
    expect(child.stderr).toContain('an internal error was caught; the app keeps running. RangeError: bad port from a socket callback')
    expect(child.stderr).toMatch(/\n\s+at /)
  })

  it('an unhandled rejection is logged and the process goes on', () => {
    const child = runChild(`guardProcess()
void Promise.reject(new Error('nobody awaited me'))
setTimeout(() => process.stdout.write('still running'), 50)`)
    expect(child.status).toBe(0)
    expect(child.stdout).toBe('still running')
    expect(child.stderr).toContain('an unhandled promise rejection was caught; the app keeps running. Error: nobody awaited me')
  })

  it('without the guard the same throw ends the process (what the guard prevents)', () => {
    const child = runChild(`void guardProcess
setTimeout(() => { throw new RangeError('bad port from a socket callback') }, 0)
setTimeout(() => process.stdout.write('still running'), 50)`)
    expect(child.status).not.toBe(0)
    expect(child.stdout).toBe('')
  })
})

describe('a handler that throws', () => {
  afterEach(() => vi.restoreAllMocks())

  it('fails its own request with its message and is logged', async () => {
    const written: string[] = []
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk))
      return true
    })
    // Cast: only app:info is called; the other handlers are never read.
    const handlers = { 'app:info': () => Promise.reject(new Error('interfaces unreadable')) } as unknown as Handlers
    const checked = checkRequest(handlers, 'app:info', [])
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    await expect(checked.run()).rejects.toThrow('interfaces unreadable')
    expect(written.join('')).toContain('wc-survey: app:info failed: Error: interfaces unreadable')
  })
})
