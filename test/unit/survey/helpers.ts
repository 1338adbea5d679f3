/** Shared bits of the survey tests: temp folders, fixtures, a small mount helper for root. */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DesktopServices, ServiceDeps } from '../../../src/main/service-deps'
import { migrateSurvey } from '../../../src/main/survey/migrate'
import { surveySchema, type Survey } from '../../../src/shared/model/survey'

export const fixturesDir = join(import.meta.dirname, '..', '..', 'fixtures', 'surveys')

/** A fresh temp folder; remove it with `rmSync(dir, { recursive: true, force: true })`. */
export function tempDir(prefix = 'wc-survey-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Service deps over `root` (data in `root/data`, an empty `root/assets`); browser mode unless `desktop` is given. */
export function serviceDeps(root: string, desktop: DesktopServices | null = null): ServiceDeps {
  const assetsDir = join(root, 'assets')
  mkdirSync(assetsDir, { recursive: true })
  return {
    emit: () => undefined,
    dataDir: join(root, 'data'),
    platform: 'linux',
    env: {},
    appVersion: '9.9.9',
    mode: desktop ? 'electron' : 'browser',
    rendererDir: join(root, 'renderer'),
    assetsDir,
    desktop
  }
}

/** Copies fixture `name` into `dir` and returns the copy's path (tests never touch the originals). */
export function copyFixture(name: string, dir: string, as = name): string {
  const target = join(dir, as)
  copyFileSync(join(fixturesDir, name), target)
  return target
}

/**
 * A small current-version survey: the v5 fixture (a map and a watch; small enough for the
 * full-disk test's 64 KB tmpfs) through the migration chain and the schema.
 */
export function sampleSurvey(): Survey {
  const v5 = JSON.parse(readFileSync(join(fixturesDir, 'v5-garage-map.wcsurvey'), 'utf8')) as Record<string, unknown> // Cast: the fixture is a JSON object
  return surveySchema.parse(migrateSurvey(v5, 5))
}

/** Null when this process can mount a tmpfs (root with CAP_SYS_ADMIN), else why not. */
export function cannotMount(): string | null {
  if (process.getuid?.() !== 0) return 'needs root to mount a tmpfs (read-only and full-disk tests)'
  const dir = tempDir('wc-mount-probe-')
  try {
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { encoding: 'utf8' })
    if (mounted.status !== 0) return `cannot mount a tmpfs here: ${(mounted.stderr || mounted.error?.message || '').trim()}`
    spawnSync('umount', [dir])
    return null
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs `mount` with the given arguments; throws with its stderr on failure. */
export function mount(args: readonly string[]): void {
  const run = spawnSync('mount', [...args], { encoding: 'utf8' })
  if (run.status !== 0) throw new Error(`mount ${args.join(' ')} failed: ${run.stderr}`)
}

/** Unmounts `dir`, ignoring "not mounted". */
export function umount(dir: string): void {
  spawnSync('umount', [dir])
}
