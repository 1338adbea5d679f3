/**
 * `wc-survey serve [--port N] [--open]`: browser mode. The same services as the desktop app,
 * served to a browser on 127.0.0.1 with a per-run token; runs until Ctrl+C (SIGINT) or SIGTERM.
 */
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createHandlers } from '../../main/handlers'
import { guardProcess } from '../../main/process-guard'
import type { ServiceDeps } from '../../main/service-deps'
import { defaultDataDir, exportsDir } from '../../main/survey/data-dir'
import { createEventStream } from '../../main/web/event-stream'
import { startWebServer } from '../../main/web/server'
import { terminalSafe } from '../../shared/text/terminal-safe'
import { commandLineParser, readCommandLine, type ParsedCommandLine } from '../command-line'

const usage = `Usage: wc-survey serve [--port N] [--open]

Serves WC Site Survey to a browser on http://127.0.0.1 (browser mode) until Ctrl+C.
  --port N   listen on port N (default: a free port)
  --open     open the URL in the default browser
Surveys are saved in the per-user data folder; set WC_SURVEY_DATA_DIR to use another.
`

/** Parsed command-line options. */
export interface ServeOptions {
  readonly port: number
  readonly open: boolean
}

const OPTIONS = { port: { type: 'string', default: '0' }, open: { type: 'boolean', default: false } } as const

function toServeOptions({ values, positionals }: ParsedCommandLine<typeof OPTIONS>): ServeOptions | string {
  if (positionals[0] !== undefined) return `unexpected argument '${positionals[0]}'`
  const n = Number(values.port)
  if (values.port.trim() === '' || !Number.isInteger(n) || n < 0 || n > 65535) return `--port needs a number from 0 to 65535 (got ${values.port}).`
  return { port: n, open: values.open }
}

/** Parses `serve` arguments: 'help', the usage error to print, or the options. */
export const parseServeArgs = commandLineParser(OPTIONS, toServeOptions)

/** The project folder: the nearest folder up from this file with our package.json. */
export function findProjectRoot(start: string): string {
  let dir = start
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest)) {
      try {
        // Cast: a package.json is an object; `name` is checked before use.
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'wc-site-survey') return dir
      } catch {
        // An unreadable package.json further down is not ours: keep walking up.
      }
    }
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`Could not find the wc-site-survey project folder above ${start}.`)
    dir = parent
  }
}

function openInBrowser(url: string): void {
  // execFile with an argument array: the URL never reaches a shell.
  const [command, args] =
    process.platform === 'win32' ? ['explorer.exe', [url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]]
  execFile(command, args, { timeout: 10000 }, (error) => {
    if (error) process.stderr.write(`Could not open a browser (${error.message}); open the URL above by hand.\n`)
  })
}

/** Runs browser mode until SIGINT/SIGTERM; resolves to the exit code. */
export async function run(args: readonly string[]): Promise<number> {
  const line = readCommandLine('serve', args, usage, parseServeArgs)
  if (!line.ok) return line.code
  const options = line.options
  const root = findProjectRoot(dirname(fileURLToPath(import.meta.url)))
  const rendererDir = join(root, 'out', 'renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write(`wc-survey serve: the app is not built (${terminalSafe(rendererDir)} is missing). Run \`npm run build\` first.\n`)
    return 2
  }
  const events = createEventStream()
  const deps: ServiceDeps = {
    emit: events.emit,
    dataDir: defaultDataDir(process.platform, process.env, homedir()),
    platform: process.platform,
    env: process.env,
    appVersion: (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version, // our own manifest
    mode: 'browser',
    rendererDir,
    assetsDir: join(root, 'assets'),
    desktop: null
  }
  // From here the process is the app: no stray service error may end it (it is logged instead).
  const unguard = guardProcess()
  const set = createHandlers(deps)
  let server
  try {
    server = await startWebServer({ handlers: set.handlers, rendererDir, port: options.port, events, exportsFolder: exportsDir(deps.dataDir) })
  } catch (error) {
    await set.dispose()
    unguard()
    process.stderr.write(`wc-survey serve: could not listen on 127.0.0.1:${options.port} (${error instanceof Error ? error.message : String(error)}). Try another --port.\n`)
    return 1
  }
  process.stdout.write(`WC Site Survey is running in browser mode: ${server.url}\n`)
  process.stdout.write(`Surveys are saved in ${terminalSafe(join(deps.dataDir, 'surveys'))}. Press Ctrl+C to stop.\n`)
  if (options.open) openInBrowser(server.url)

  const running = server
  await new Promise<void>((resolveStop) => {
    const stop = (): void => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolveStop()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  process.stdout.write('Stopping…\n')
  await running.close()
  await set.dispose()
  unguard()
  return 0
}
