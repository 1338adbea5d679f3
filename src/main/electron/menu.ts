/**
 * The application menu: File › New survey, Open…, Save As…, Open Recent; Help › About. Every item
 * becomes an `app:command` event the renderer acts on, so the menu holds no survey logic.
 */
import { basename } from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'
import type { AppCommand } from '../../shared/contract'

/**
 * The menu template for `platform`, sending commands through `send`; a recent file is opened
 * through `openPath`, which turns the path into a handle in main (the renderer never sees paths).
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  recent: readonly string[],
  send: (command: AppCommand) => void,
  openPath: (path: string) => void
): MenuItemConstructorOptions[] {
  const command = (c: AppCommand['command']) => () => send({ command: c, handle: null })
  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: 'No recent surveys', enabled: false }]
      : recent.map((path) => ({ label: basename(path), toolTip: path, click: () => openPath(path) }))
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Survey', accelerator: 'CmdOrCtrl+N', click: command('new-survey') },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: command('open') },
      { label: 'Open Recent', submenu: recentItems },
      { label: 'Survey Library', accelerator: 'CmdOrCtrl+L', click: command('library') },
      { type: 'separator' },
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: command('save-as') },
      { type: 'separator' },
      platform === 'darwin' ? { role: 'close' } : { role: 'quit' }
    ]
  }
  const about: MenuItemConstructorOptions = { label: 'About WC Site Survey', click: command('about') }
  const template: MenuItemConstructorOptions[] = [
    file,
    { role: 'editMenu' },
    // Not the stock viewMenu: it carries Toggle Developer Tools, which a shipped app leaves out.
    { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] },
    { role: 'windowMenu' },
    { role: 'help', submenu: [about] }
  ]
  if (platform === 'darwin') {
    template.unshift({ label: 'WC Site Survey', submenu: [about, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { type: 'separator' }, { role: 'quit' }] })
  }
  return template
}
