/**
 * The live path (issue 10 item 5): the command runner settles whatever a scanner tool does, so the
 * scan loop never hangs: a tool that prints forever, one that ignores SIGTERM, one whose child keeps
 * the pipes open. Real processes (POSIX shell stand-ins); outcomes are asserted, never durations.
 */
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { execFileRunner } from '../../../src/main/wifi/command-runner'
import { createLinuxScanner } from '../../../src/main/wifi/scanners/linux'
import { skipFor } from '../../support/requires'

const noShell = skipFor('unit (stand-in tools)', process.platform === 'win32' ? 'stand-in tools are POSIX shell scripts' : null)

let dir: string
const tool = (name: string, body: string) => {
  const path = join(dir, name)
  writeFileSync(path, `#!/bin/sh\n${body}\n`)
  chmodSync(path, 0o755)
  return path
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'wc-runner-'))
})

describe.skipIf(noShell)('execFileRunner protects the scan loop', () => {
  it('a tool that prints forever is stopped at the output cap', async () => {
    const forever = tool('forever', 'while :; do echo "BSS 02:00:00:00:00:01(on wlan0)"; done')
    const outcome = await execFileRunner(forever, [], { timeoutMs: 60_000, env: process.env, maxOutputBytes: 64 * 1024 })
    expect(outcome).toMatchObject({ ok: false, kind: 'too-much-output' })
    expect(outcome.stdout.length).toBeLessThanOrEqual(64 * 1024)
  })

  it('a tool that ignores SIGTERM and sleeps is a timeout (killed, the outcome given regardless)', async () => {
    const stubborn = tool('stubborn', "trap '' TERM\nsleep 30")
    const outcome = await execFileRunner(stubborn, [], { timeoutMs: 100, env: process.env })
    expect(outcome).toMatchObject({ ok: false, kind: 'timeout' })
  })

  it('a tool whose child keeps stdout open is still settled as a timeout', async () => {
    const forks = tool('forks', 'sleep 30 &\necho started\nwait')
    const outcome = await execFileRunner(forks, [], { timeoutMs: 100, env: process.env })
    expect(outcome).toMatchObject({ ok: false, kind: 'timeout' })
    expect(outcome.stdout).toContain('started')
  })

  it('ordinary outcomes: output, exit status, missing tool', async () => {
    const ok = await execFileRunner(tool('ok', 'echo "$1"; echo err >&2'), ['arg with $(no shell)'], { timeoutMs: 10_000, env: process.env })
    expect(ok).toEqual({ ok: true, stdout: 'arg with $(no shell)\n', stderr: 'err\n' })
    expect(await execFileRunner(tool('fails', 'exit 3'), [], { timeoutMs: 10_000, env: process.env })).toMatchObject({ ok: false, kind: 'exit', exitCode: 3 })
    expect(await execFileRunner(join(dir, 'absent'), [], { timeoutMs: 10_000, env: process.env })).toMatchObject({ ok: false, kind: 'missing' })
  })

  it('the Linux scanner finishes with a clear error when nmcli prints forever and iw hangs', async () => {
    // One echo of 128 KiB passes the 64 KiB cap at once, even on a loaded machine.
    tool('nmcli', 's="AP[1]:x"; i=0; while [ $i -lt 14 ]; do s="$s$s"; i=$((i+1)); done; while :; do echo "$s"; done')
    tool('iw', "trap '' TERM\nsleep 30")
    // A node-wifi that never answers: bounded by the scanner's own deadline.
    const never = () => new Promise<never>(() => undefined)
    const scanner = createLinuxScanner({ run: (f, a, o) => execFileRunner(f, a, { ...o, maxOutputBytes: 64 * 1024 }), env: { ...process.env, PATH: dir }, nodeWifiScan: never, timeoutMs: 2000 })
    const outcome = await scanner.scan()
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.error.message).toMatch(/nmcli failed: it printed far more than any scan and was stopped/)
  })
})
