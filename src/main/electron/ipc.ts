/**
 * The contract over Electron IPC, main side: one `ipcMain.handle` per request name, each
 * checking the sender (top frame, app origin — checklist #17) and validating the arguments
 * (zod) before the handler runs. The only place main touches `ipcMain`.
 */
import { ipcMain, type WebContents, type WebFrameMain } from 'electron'
import { eventNames, requestArgs, type EventName, type Events, type EventSink, type Handlers } from '../../shared/contract'
import { checkRequest } from '../dispatch'
import { isAppUrl } from '../security/urls'

/** True when a request comes from the app's own top-level page. */
export function isTrustedSender(frame: WebFrameMain | null, devServerUrl: string | null): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url, devServerUrl)
}

/**
 * Registers every request handler; returns the function that removes them (quit).
 *
 * Rejections carry only a message across IPC: an untrusted sender and invalid arguments are
 * programming errors or attacks, not expected failures, so they reject.
 */
export function registerIpcHandlers(handlers: Handlers, devServerUrl: string | null, onHandled: (name: string) => void = () => undefined): () => void {
  const names = Object.keys(requestArgs)
  for (const name of names) {
    ipcMain.handle(name, async (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame, devServerUrl)) throw new Error(`${name}: refused, the request did not come from the app's page.`)
      const checked = checkRequest(handlers, name, args)
      if (!checked.ok) throw new Error(`${name}: ${checked.message}`)
      try {
        return await checked.run()
      } finally {
        onHandled(name)
      }
    })
  }
  return () => {
    for (const name of names) ipcMain.removeHandler(name)
  }
}

/** An `EventSink` sending to one window's page (if it is open), on the event's own channel. */
export function createIpcEventSink(target: () => WebContents | null): EventSink {
  return <K extends EventName>(name: K, payload: Events[K]) => {
    if (!eventNames.includes(name)) return
    const contents = target()
    if (contents && !contents.isDestroyed()) contents.send(name, payload)
  }
}
