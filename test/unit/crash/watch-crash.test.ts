/**
 * A watch killed mid-way (issue 14 item 7): a child runs a watch through the real watch service
 * and atomic save; it is killed with SIGKILL at random moments. The reopened file must load, hold
 * the watch with every sample up to the last write (or the write in flight), and say it was
 * running; resuming goes on with the same watch and marks the time the app was gone as a gap.
 */
import { spawn } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serializeSurvey, loadSurveyFile } from '../../../src/main/survey/survey-file'
import { makeLocation, makeSurvey } from '../../support/survey-builders'
import { tempDir } from '../survey/helpers'

const KILLS = 6
const dir = tempDir('wc-watch-crash-')
const child = join(dir, 'watch-child.mjs')
beforeAll(async () => {
  await build({ entryPoints: [join(import.meta.dirname, 'watch-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm', logLevel: 'error' })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Scan counts the file may hold now: the last one written, or the one being written. */
function allowed(log: string): number[] {
  let after = 0
  let before: number | null = null
  for (const line of log.split('\n')) {
    const [kind, n] = line.split(' ')
    if (n === undefined || n === '') continue
    if (kind === 'after') {
      after = Number(n)
      before = null
    } else if (kind === 'before') before = Number(n)
  }
  return before === null ? [after] : [after, before]
}

function run(args: readonly string[], killAfterMs: number | null): Promise<{ stdout: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    let killed = false
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    proc.stdout.on('data', (c: Buffer) => {
      stdout += c.toString()
      if (killAfterMs !== null && c.toString().includes('ready'))
        setTimeout(() => {
          killed = true
          proc.kill('SIGKILL')
        }, killAfterMs)
    })
    proc.on('error', reject)
    proc.on('exit', (code, signal) => {
      if (killed && signal === 'SIGKILL') resolve({ stdout, killed })
      else if (!killed && code === 0) resolve({ stdout, killed })
      else reject(new Error(`watch child exited (code ${code}, signal ${signal}): ${stderr}`))
    })
  })
}

describe('a watch killed with SIGKILL', () => {
  it(`keeps every sample up to the last write (${KILLS} kills), and resumes as the same watch`, async () => {
    const file = join(dir, 'watched.wcsurvey')
    const log = join(dir, 'watch.log')
    for (let k = 0; k < KILLS; k++) {
      writeFileSync(file, serializeSurvey(makeSurvey({ targetSsid: 'CT', locations: [makeLocation({ id: 'l1' })] })))
      writeFileSync(log, '')
      await run([file, log], 150 + Math.floor(Math.random() * 400))
      const opened = await loadSurveyFile(file)
      expect(opened.ok).toBe(true)
      if (!opened.ok) return
      const watch = opened.survey.locations[0]?.watches[0]
      expect(watch?.state).toBe('running')
      expect(allowed(readFileSync(log, 'utf8'))).toContain(watch?.scans)
      expect(watch?.scans).toBeGreaterThan(0)
      // Full resolution and counts agree up to the downsampling window (30 min = 900 scans at 2 s).
      if ((watch?.scans ?? 0) <= 900) expect(watch?.samples.length).toBe(watch?.scans)
    }
    // Reopen after the last kill and resume the same watch: 5 more scans, then stop.
    const before = await loadSurveyFile(file)
    if (!before.ok) throw new Error(before.message)
    const kept = before.survey.locations[0]?.watches[0]
    const id = kept?.id ?? ''
    const { stdout } = await run([file, log, '--resume', id, '--scans', '5'], null)
    expect(stdout).toContain(`ready ${id}`)
    const after = await loadSurveyFile(file)
    if (!after.ok) throw new Error(after.message)
    const watches = after.survey.locations[0]?.watches ?? []
    expect(watches).toHaveLength(1)
    const resumed = watches[0]
    expect(resumed?.state).toBe('stopped')
    expect(resumed?.scans).toBe((kept?.scans ?? 0) + 5)
    // The ten minutes the app was gone: a gap from the last kept scan, never counted as signal.
    const gap = resumed?.events.find((e) => e.kind === 'gap')
    expect(gap).toMatchObject({ t: kept?.lastT, untilT: (kept?.lastT ?? 0) + 10 * 60_000 })
  }, 60_000)
})
