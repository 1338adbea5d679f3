/**
 * A minimal main process and preload written the way ARCHITECTURE.md requires, as text. The
 * flip-proof tests change one setting in a copy and assert the checker reports exactly that: the
 * checkers are proven to fail on the mistakes they exist to catch.
 */
import type { SourceFile } from './source-checks'

export const SECURE_MAIN = `
import { app, BrowserWindow, session, shell } from 'electron'
import { execFile } from 'node:child_process'
app.enableSandbox()
const APP_ORIGIN = 'app://survey'
export function createWindow(preload: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    webPreferences: { preload, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true }
  })
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  win.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== APP_ORIGIN) event.preventDefault()
  })
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
  return win
}
export const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'"
export function safeOpenExternal(raw: string, open: (url: string) => Promise<void>): boolean {
  const url = new URL(raw)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false
  void open(url.href)
  return true
}
export function openLink(raw: string): void {
  safeOpenExternal(raw, (u) => shell.openExternal(u))
}
export function scan(iface: string): void {
  execFile('iw', ['dev', iface, 'scan'], { timeout: 10000 }, () => {})
}
`

export const SECURE_PRELOAD = `
import { contextBridge, ipcRenderer } from 'electron'
const api = {
  request: (channel: string, ...args: unknown[]) => ipcRenderer.invoke('request', channel, ...args),
  on: (channel: string, listener: (payload: unknown) => void) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, (_event, payload) => listener(payload))
    return () => ipcRenderer.removeListener(channel, wrapped)
  }
}
contextBridge.exposeInMainWorld('api', api)
`

export const SECURE_HTML = `<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'" />
</head><body><div id="root"></div></body></html>`

export const SECURE_RENDERER = `
export function SsidCell({ ssid }: { ssid: string }) {
  return <td title={ssid}>{ssid}</td>
}
`

/** One in-memory file, with `from` replaced by `to` (the replacement must happen). */
export function flipped(path: string, text: string, from: string, to: string): SourceFile[] {
  if (!text.includes(from)) throw new Error(`flip: ${JSON.stringify(from)} not in the sample`)
  return [{ path, text: text.replace(from, to) }]
}

export const SECURE_IPC = `
import { ipcMain } from 'electron'
export function register(handlers: Handlers): void {
  for (const name of Object.keys(handlers)) {
    ipcMain.handle(name, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame)) throw new Error('refused')
      const checked = checkRequest(handlers, name, args)
      if (!checked.ok) throw new Error(checked.message)
      return checked.run()
    })
  }
}
`
