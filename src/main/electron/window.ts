/**
 * The hardened main window and the guards on every web contents and on the session
 * (ARCHITECTURE.md security must-haves 1, 4, 5, 6).
 */
import { BrowserWindow, dialog, shell, type Session, type WebContents } from 'electron'
import { PALETTE } from '../../shared/style/palette'
import { CONTENT_SECURITY_POLICY } from '../security/csp'
import { isAppUrl, safeOpenExternal } from '../security/urls'

/**
 * Creates the main window. The security options are written literally here, where a reviewer
 * (and test/unit/security) looks for them: context isolation, sandbox, no Node, web security.
 */
export function createMainWindow(preloadPath: string, title: string): BrowserWindow {
  return new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title,
    show: false,
    // The page's own background (styles/palette.css --bg), so the window shows no other colour before the first paint.
    backgroundColor: PALETTE.bg,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false
    }
  })
}

/**
 * Navigation and window guards for one web contents: navigation only within the app (#13), no
 * new windows (#14) — http(s) links open in the OS browser through the one safe helper.
 */
export function guardWebContents(contents: WebContents, devServerUrl: string | null): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  // The renderer's leave guard (state/leave-guard.ts) prevents the unload when something would be
  // lost; Electron shows no prompt of its own, so ask here. preventDefault() lets the close go on.
  contents.on('will-prevent-unload', (event) => {
    const owner = BrowserWindow.fromWebContents(contents)
    const options = {
      type: 'question' as const,
      buttons: ['Stay', 'Close anyway'],
      defaultId: 0,
      cancelId: 0,
      message: 'Close without keeping everything?',
      detail: 'An edit is not saved yet, or a finished firewall run is not kept with a stall. Stay to keep it (the run: Connectivity page › Save).'
    }
    if ((owner === null ? dialog.showMessageBoxSync(options) : dialog.showMessageBoxSync(owner, options)) === 1) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    void safeOpenExternal(url, (u) => shell.openExternal(u))
    return { action: 'deny' }
  })
}

/** Session-wide guards: every permission denied, CSP on every response (#7, must-have 4). */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
  })
}
