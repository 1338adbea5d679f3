/**
 * Finding an installed Chrome or Chromium for headless printing (browser mode and the CLI).
 *
 * No browser is ever downloaded: the app uses what the laptop has. `WC_SURVEY_CHROMIUM` names one
 * explicitly; otherwise the standard install paths of Chromium, Google Chrome and Microsoft Edge
 * (Chromium-based, present on every Windows 10/11) are tried in order.
 */
import { join } from 'node:path'

/** The environment variable that names the browser to print with. */
export const CHROMIUM_ENV = 'WC_SURVEY_CHROMIUM'

export type ChromiumLookup = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly tried: readonly string[]; readonly message: string }

/** Where Chrome, Chromium or Edge install on each platform, most specific first. */
export function chromiumCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => r !== undefined && r !== '')
    // path.join would use this machine's separator; a Windows path needs backslashes.
    const win = (root: string, ...parts: string[]): string => [root.replace(/[\\/]+$/, ''), ...parts].join('\\')
    return [
      ...roots.map((r) => win(r, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots.map((r) => win(r, 'Chromium', 'Application', 'chrome.exe')),
      ...roots.map((r) => win(r, 'Microsoft', 'Edge', 'Application', 'msedge.exe'))
    ]
  }
  if (platform === 'darwin') {
    const apps = ['/Applications', join(env.HOME ?? '/nonexistent', 'Applications')]
    return apps.flatMap((a) => [
      join(a, 'Google Chrome.app/Contents/MacOS/Google Chrome'),
      join(a, 'Chromium.app/Contents/MacOS/Chromium'),
      join(a, 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge')
    ])
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
    '/opt/google/chrome/chrome'
  ]
}

/** The browser to print with, or what was tried and what to do. */
export function findChromium(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, exists: (path: string) => boolean): ChromiumLookup {
  const named = env[CHROMIUM_ENV]
  if (named !== undefined && named !== '') {
    if (exists(named)) return { ok: true, path: named }
    return {
      ok: false,
      tried: [named],
      message: `${CHROMIUM_ENV} names ${named}, which does not exist. Point it at an installed Chrome or Chromium, or unset it.`
    }
  }
  const tried = chromiumCandidates(env, platform)
  const found = tried.find((p) => exists(p))
  if (found !== undefined) return { ok: true, path: found }
  return {
    ok: false,
    tried,
    message:
      `No Chrome or Chromium was found to print the PDF (looked in ${tried.join(', ')}). ` +
      `Install Chromium or Google Chrome, or set ${CHROMIUM_ENV} to its path — or open the report page and use your browser's Print › Save as PDF.`
  }
}
