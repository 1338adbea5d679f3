/**
 * Electron main process: app lifecycle only. Wires the hardened window, the `app://` protocol,
 * the contract's IPC handlers, the menu and file-open routes (second instance, macOS open-file,
 * a .wcsurvey path on the command line) together; the services themselves live elsewhere.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, BrowserWindow, dialog, Menu, session } from 'electron'
import type { AppCommand } from '../../shared/contract'
import { createHandlers, type HandlerSet } from '../handlers'
import { createIpcEventSink, registerIpcHandlers } from './ipc'
import { menuTemplate } from './menu'
import { createElectronPageRenderer } from './report-window'
import { handleAppProtocol, registerAppScheme } from './app-protocol'
import { APP_ENTRY_URL } from '../security/urls'
import { createMainWindow, guardSession, guardWebContents } from './window'
import { guardProcess } from '../process-guard'
import type { ServiceDeps } from '../service-deps'
import { defaultDataDir } from '../survey/data-dir'
import { createRecentList } from '../survey/recent'
import { SURVEY_EXTENSION } from '../survey/survey-file'

const here = fileURLToPath(new URL('.', import.meta.url))
const rendererDir = join(here, '..', 'renderer')
const preloadPath = join(here, '..', 'preload', 'index.cjs')
// electron-vite dev server (development only); packaged builds never set it.
const devServerUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null

let mainWindow: BrowserWindow | null = null
let handlerSet: HandlerSet | null = null
let removeIpcHandlers: (() => void) | null = null
/** Commands that arrived before the page could hear them (open-file during start-up). */
const pending: AppCommand[] = []

/** A .wcsurvey path among command-line arguments (file association, second instance). */
function surveyPathIn(argv: readonly string[]): string | null {
  return argv.slice(1).find((a) => a.endsWith(SURVEY_EXTENSION) && !a.startsWith('-')) ?? null
}

function sendCommand(command: AppCommand): void {
  const contents = mainWindow?.webContents
  if (!contents || contents.isLoading()) pending.push(command)
  else contents.send('app:command', command)
}

/** Paths from the OS (file association, argv) that arrived before the handlers existed. */
const pendingPaths: string[] = []

/** Opens a file the OS or the menu named: main issues its handle; the renderer only gets that. */
function openPath(path: string): void {
  if (handlerSet === null) pendingPaths.push(path)
  else sendCommand({ command: 'open-handle', handle: handlerSet.surveyHandles.issue(path) })
}

function focusWindow(): void {
  if (!mainWindow) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}

const dataDir = defaultDataDir(process.platform, process.env, homedir())
const recent = createRecentList(dataDir)

async function refreshMenu(): Promise<void> {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform, await recent.read(), sendCommand, openPath)))
}

// Before ready: sandbox every renderer, declare app:// privileged, claim the single instance.
// No stray service error may end the app (Electron would show a modal dialog): it is logged.
guardProcess()
app.enableSandbox()
registerAppScheme()
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', (_event, argv) => {
    const path = surveyPathIn(argv)
    if (path !== null) openPath(path)
    focusWindow()
  })
  // macOS delivers double-clicked files here, possibly before the window exists.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    if (path.endsWith(SURVEY_EXTENSION)) openPath(path)
  })
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devServerUrl))
  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', (event) => {
    if (handlerSet === null) return
    // Stop scan loops and probe runs before exiting; quit again once they are done.
    event.preventDefault()
    const set = handlerSet
    handlerSet = null
    removeIpcHandlers?.()
    void set.dispose().finally(() => app.quit())
  })
  void app.whenReady().then(start)
}

async function start(): Promise<void> {
  guardSession(session.defaultSession)
  handleAppProtocol(rendererDir)

  const deps: ServiceDeps = {
    emit: createIpcEventSink(() => mainWindow?.webContents ?? null),
    dataDir,
    platform: process.platform,
    env: process.env,
    appVersion: app.getVersion(),
    mode: 'electron',
    rendererDir,
    // The sample survey and replay scans ship beside the app (resources/assets when packaged).
    assetsDir: app.isPackaged ? join(process.resourcesPath, 'assets') : join(app.getAppPath(), 'assets'),
    desktop: {
      async pickOpenPath() {
        const options = { properties: ['openFile' as const], filters: [{ name: 'WC Site Survey', extensions: ['wcsurvey'] }] }
        const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
        return picked.canceled ? null : (picked.filePaths[0] ?? null)
      },
      async pickSavePath(defaultName, filter) {
        const options = { defaultPath: join(app.getPath('documents'), defaultName), filters: [filter] }
        const picked = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
        return picked.canceled || !picked.filePath ? null : picked.filePath
      },
      ...createElectronPageRenderer()
    }
  }
  handlerSet = createHandlers(deps)
  // Open Recent follows every open, create and Save As: refresh the menu after survey requests.
  removeIpcHandlers = registerIpcHandlers(handlerSet.handlers, devServerUrl, (name) => {
    if (name.startsWith('survey:') && name !== 'survey:save' && name !== 'survey:list') void refreshMenu()
  })
  await refreshMenu()

  mainWindow = createMainWindow(preloadPath, 'WC Site Survey')
  mainWindow.on('closed', () => {
    mainWindow = null
  })
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  mainWindow.webContents.on('did-finish-load', () => {
    for (const command of pending.splice(0)) mainWindow?.webContents.send('app:command', command)
  })
  const initial = surveyPathIn(process.argv)
  if (initial !== null) openPath(initial)
  for (const path of pendingPaths.splice(0)) openPath(path)
  await mainWindow.loadURL(devServerUrl ?? APP_ENTRY_URL)
}
