/**
 * Picks the scanner for this run: the replay scanner only when asked for explicitly
 * (WC_SURVEY_SCANNER=replay), otherwise the platform's own.
 */
import { release } from 'node:os'
import { join } from 'node:path'
import { execFileRunner, type CommandRunner } from '../command-runner'
import { scanFailed } from '../scan-errors'
import { createLinuxScanner } from './linux'
import { createMacScanner } from './macos'
import { createNodeWifiScan } from './node-wifi'
import { createReplayScanner } from './replay'
import { MIN_INTERVAL_MS, type Scanner } from './scanner'
import { createWindowsScanner } from './windows'

export interface ScannerSelection {
  readonly platform: NodeJS.Platform
  readonly env: NodeJS.ProcessEnv
  readonly assetsDir: string
  readonly run?: CommandRunner
  readonly cwd?: string
  readonly darwinRelease?: string
}

/** True when the settings ask for the replay scanner. */
export function wantsReplay(env: NodeJS.ProcessEnv): boolean {
  return env.WC_SURVEY_SCANNER === 'replay'
}

/** The scanner for `selection`. */
export function selectScanner(selection: ScannerSelection): Scanner {
  const run = selection.run ?? execFileRunner
  const { env } = selection
  if (wantsReplay(env)) {
    return createReplayScanner({ target: env.WC_SURVEY_REPLAY || join(selection.assetsDir, 'replay', 'demo'), cwd: selection.cwd ?? process.cwd() })
  }
  const { platform } = selection
  if (platform === 'linux') return createLinuxScanner({ run, env, nodeWifiScan: createNodeWifiScan(env) })
  if (platform === 'win32') return createWindowsScanner({ run, env })
  if (platform === 'darwin') {
    const darwinRelease = selection.darwinRelease ?? release()
    return createMacScanner({ run, env, darwinRelease, nodeWifiScan: createNodeWifiScan(env) })
  }
  // Every other platform Node runs on (FreeBSD, AIX, …): no scanner, said plainly.
  return {
    name: `none (${platform} is not supported)`,
    minIntervalMs: MIN_INTERVAL_MS,
    scan: async () => ({ ok: false, error: scanFailed('Wi-Fi scan', `${platform} is not supported`, ['Use Linux, Windows or macOS, or the replay scanner (WC_SURVEY_SCANNER=replay).']) })
  }
}
