/**
 * Where surveys live by default: the OS per-user data folder, computed without Electron so the
 * app, browser mode and the CLI share one library (issue 2 item 5: nothing to set up).
 */
import { join } from 'node:path'

/** Folder name on Linux (XDG convention: lower-case, no spaces). */
const LINUX_NAME = 'wc-site-survey'
/** Folder name on Windows and macOS (their convention: the product name). */
const PRODUCT_NAME = 'WC Site Survey'

/**
 * The per-user data folder for this app.
 *
 * `WC_SURVEY_DATA_DIR` overrides it (tests, portable installs). Otherwise Linux uses
 * `$XDG_DATA_HOME/wc-site-survey` (default `~/.local/share`), Windows `%APPDATA%\WC Site Survey`,
 * macOS `~/Library/Application Support/WC Site Survey`.
 */
export function defaultDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  const override = env.WC_SURVEY_DATA_DIR
  if (override !== undefined && override !== '') return override
  if (platform === 'win32') {
    const appData = env.APPDATA !== undefined && env.APPDATA !== '' ? env.APPDATA : join(home, 'AppData', 'Roaming')
    return join(appData, PRODUCT_NAME)
  }
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME)
  // XDG Base Directory spec: a relative $XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME
  const base = xdg !== undefined && xdg.startsWith('/') ? xdg : join(home, '.local', 'share')
  return join(base, LINUX_NAME)
}

/** The folder of the survey library inside the data folder. */
export function surveysDir(dataDir: string): string {
  return join(dataDir, 'surveys')
}

/** The folder browser mode saves exports (PDF reports, evidence images) into, inside the data folder. */
export function exportsDir(dataDir: string): string {
  return join(dataDir, 'exports')
}
