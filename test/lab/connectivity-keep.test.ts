/**
 * Firewall runs are never lost (issue 16 item 4), the real UI in browser mode with Chromium, both
 * inside lab namespaces (test/lab/connectivity-walk.mjs drives the page and prints what it showed):
 *
 * - through the lab router (NTP dropped, TLS inspected): a finished run at stall 1 is kept with
 *   stall 1 without a save, counts there only (stall 2 still says "Run the firewall check at this
 *   stall"), and after Close it is listed and reviewed on the Connectivity page in review mode;
 * - in a namespace with loopback only: one headline says nothing could be reached and what to do,
 *   the rows folded under it;
 * - a run finished while the survey is open for review cannot be kept with a stall: the page says
 *   so and leaving it (a reload) brings up the browser's prompt; Stay keeps the run on screen.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { skipFor } from '../support/requires'
import { chromiumMissingReason } from '../e2e/support/browser'
import { serverMissingReason } from '../e2e/support/server'
import { Lab, labUnavailable, leftoverNamespaces } from './lab-network'

const cli = resolve(import.meta.dirname, '../../bin/wc-survey.js')
const walk = resolve(import.meta.dirname, 'connectivity-walk.mjs')
const skip = skipFor('lab', labUnavailable() ?? chromiumMissingReason() ?? serverMissingReason())
const lonely = `wckeep-${process.pid}-lo`

/** `wc-survey serve` inside `ns` (replay scanner, its own data folder); resolves with its URL. */
function serveIn(ns: string, dataDir: string, env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn('ip', ['netns', 'exec', ns, process.execPath, cli, 'serve', '--port', '0'], {
    env: { ...process.env, ...env, WC_SURVEY_SCANNER: 'replay', WC_SURVEY_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  return new Promise((found, failed) => {
    let out = ''
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(out)
      if (m?.[1]) found({ url: m[1], child })
    })
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()))
    child.on('exit', (code) => failed(new Error(`serve exited (${code}): ${out}`)))
  })
}

/** Runs connectivity-walk.mjs in the loopback-only namespace against `url`; resolves with its output. */
function walkInLonely(url: string, mode: 'nothing' | 'review'): Promise<{ stdout: string; stderr: string }> {
  return new Promise((done) => {
    const c = spawn('ip', ['netns', 'exec', lonely, process.execPath, walk, url, mode, ...(process.env.WC_KEEP_SHOTS ? [process.env.WC_KEEP_SHOTS] : [])])
    let stdout = ''
    let stderr = ''
    c.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    c.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    c.on('close', () => done({ stdout, stderr }))
  })
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  child.kill('SIGTERM')
  return exited
}

/** What connectivity-walk.mjs saw (its JSON line). */
interface Seen {
  readonly failure?: string
  readonly errors: string[]
  readonly [key: string]: unknown
}

function parseSeen(stdout: string): Seen {
  // Cast: the walk prints one JSON object with `errors` (connectivity-walk.mjs).
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Seen
}

describe.skipIf(skip)('Connectivity in the lab: runs kept, reviewed, and "nothing reached" said once', () => {
  let lab: Lab
  const dataDirs: string[] = []
  const servers: ChildProcess[] = []
  const dataDir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'wc-keep-'))
    dataDirs.push(d)
    return d
  }

  beforeAll(async () => {
    lab = await Lab.start()
    spawnSync('ip', ['netns', 'add', lonely])
    spawnSync('ip', ['netns', 'exec', lonely, 'ip', 'link', 'set', 'lo', 'up'])
    mkdirSync(`/etc/netns/${lonely}`, { recursive: true })
    // TEST-NET-1 (RFC 5737): never routed.
    writeFileSync(`/etc/netns/${lonely}/resolv.conf`, 'nameserver 192.0.2.53\n')
  }, 120000)

  afterAll(async () => {
    for (const s of servers) await stop(s)
    await lab?.close()
    spawnSync('ip', ['netns', 'del', lonely])
    rmSync(`/etc/netns/${lonely}`, { recursive: true, force: true })
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true })
    expect(leftoverNamespaces(`wckeep-${process.pid}`)).toEqual([])
  })

  it('a run at stall 1 is kept there without a save, counts only there, and is reviewed after Close', async () => {
    await lab.setScenario('partly-blocked')
    const { url, child } = await serveIn(lab.ns.client, dataDir(), { NODE_EXTRA_CA_CERTS: lab.caFile })
    servers.push(child)
    const run = await lab.exec([process.execPath, walk, url, 'keep', ...(process.env.WC_KEEP_SHOTS ? [process.env.WC_KEEP_SHOTS] : [])])
    const seen = parseSeen(run.stdout)
    expect(seen.failure, run.stderr).toBeUndefined()
    expect(seen.kept).toBe('Kept with “P1 – stall 1”')
    // Stall 1 judged on its own run: NTP dropped and TLS inspected are findings of their own.
    expect(seen.stall1Cards).toEqual(expect.arrayContaining(['NET-NTP', 'NET-TLS']))
    // Stall 2 had no run: still the one to-do, not borrowed from stall 1.
    expect(seen.stall2Todo).toContain('Run the firewall check at this stall.')
    expect(seen.savedStalls).toEqual(['P1 – stall 1'])
    expect(seen.reviewing).toMatch(/^Reviewing the run saved at “P1 – stall 1”, \d{1,2} \w{3} \d{4}, \d\d:\d\d \(UTC[+-]\d\d:\d\d\)$/)
    expect(seen.reviewRows).toBeGreaterThan(10)
    expect(seen.errors).toEqual([])
  }, 180000)

  it('a run that cannot be kept (review mode): the page says so, and leaving asks (beforeunload); Stay keeps it', async () => {
    const { url, child } = await serveIn(lonely, dataDir())
    servers.push(child)
    const run = await walkInLonely(url, 'review')
    const seen = parseSeen(run.stdout)
    expect(seen.failure, run.stderr).toBeUndefined()
    expect(seen.unkept).toBe('This run is not kept yet')
    expect(seen.unkeptWhy).toBe('The survey is open for review: choose Edit survey, then save the run to the stall.')
    expect(seen.dialogs).toEqual(['beforeunload'])
    expect(seen.stillThere).toBe(1)
    expect(seen.errors).toEqual([])
  }, 180000)

  it('loopback only: one headline says nothing could be reached and what to do; the rows are folded', async () => {
    const { url, child } = await serveIn(lonely, dataDir())
    servers.push(child)
    const run = await walkInLonely(url, 'nothing')
    const seen = parseSeen(run.stdout)
    expect(seen.failure, run.stderr).toBeUndefined()
    expect(seen.alert).toMatch(/^Nothing could be reached: none of the \d+ checks got through/)
    expect(seen.alert).toContain('This computer has no network connection (no IPv4 address). Join the chargers\' Wi-Fi network')
    expect(seen.foldOpen).toBe(false)
    expect(seen.rows).toBeGreaterThan(10)
    expect(seen.visibleRows).toBe(0)
    expect(seen.errors).toEqual([])
  }, 180000)
})
