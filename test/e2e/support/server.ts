/**
 * Starts the real browser-mode server (`node bin/wc-survey.js serve --port 0`) as a child process
 * with its own data folder, and reads the URL (with the token) it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

/** The project folder (two levels above test/e2e/support). */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../../..')

/** Why browser-mode e2e tests cannot run here, or null when they can. */
export function serverMissingReason(): string | null {
  if (!existsSync(join(PROJECT_ROOT, 'out', 'renderer', 'index.html'))) return 'the renderer is not built (out/renderer missing): run `npm run build`'
  if (!existsSync(join(PROJECT_ROOT, 'out', 'main', 'cli.js'))) return 'the CLI is not built (out/main/cli.js missing): run `npm run build`'
  return null
}

export interface RunningServer {
  /** The app URL with the token in its fragment (`http://127.0.0.1:PORT/#token=…`). */
  readonly url: string
  /** `http://127.0.0.1:PORT` */
  readonly origin: string
  /** WC_SURVEY_DATA_DIR of this server; surveys are in `<dataDir>/surveys`. */
  readonly dataDir: string
  readonly surveysDir: string
  /** Everything the server printed (for failure messages). */
  output(): string
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and removes the data folder unless kept. */
  stop(options?: { keepData?: boolean }): Promise<void>
}

/** Starts `wc-survey serve` on a free port with a fresh data folder (or `dataDir`). */
export async function startServer(options: { dataDir?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunningServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'wc-e2e-data-'))
  const child: ChildProcess = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'wc-survey.js'), 'serve', '--port', '0'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...options.env, WC_SURVEY_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()))

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`wc-survey serve printed no URL within 30 s:\n${out}`)), 30000)
    const check = (): void => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out)
      if (match?.[1]) {
        clearTimeout(timer)
        resolveUrl(match[1])
      }
    }
    child.stdout?.on('data', check)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`wc-survey serve exited (${code}) before printing a URL:\n${out}`))
    })
  })

  const stop = async (stopOptions: { keepData?: boolean } = {}): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()))
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(killer)
    }
    if (!stopOptions.keepData && options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true })
  }
  return { url, origin: new URL(url).origin, dataDir, surveysDir: join(dataDir, 'surveys'), output: () => out, stop }
}
