/**
 * The Electron tier's set-up: the Electron executable (found through node_modules/electron/path.txt,
 * never `require('electron')`, which starts a download when the binary is missing, and tests never
 * reach the network) and why this tier cannot run here, or null.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The project folder (this file is test/electron/electron-app.ts). */
export const ROOT = join(import.meta.dirname, '..', '..')

/** The Electron executable, or why there is none. */
export function electronBinary(): { path: string } | { reason: string } {
  const pathFile = join(ROOT, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return { reason: `Electron binary not installed (download host blocked): ${pathFile} is missing` }
  const binary = join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? { path: binary } : { reason: `Electron binary not installed (download host blocked): ${binary} is missing` }
}

/** Why the Electron tier cannot run (no binary, or the app not built), or null when it can. */
export function electronMissingReason(found: ReturnType<typeof electronBinary>): string | null {
  if ('reason' in found) return found.reason
  return existsSync(join(ROOT, 'out', 'main', 'index.js')) ? null : 'the app is not built (run npm run build)'
}
