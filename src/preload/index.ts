/**
 * Preload: exposes exactly the contract's `Api` as `window.wcSurvey`, nothing else (must-have 2).
 *
 * Only `request` and `on` cross the bridge; request and event names are allow-listed here too
 * (main validates again), and listeners receive the payload only — never the IpcRendererEvent,
 * whose `sender` would hand the page raw IPC (checklist #20).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
// Names only (contract-names.ts): the schemas and zod stay out of the preload; main validates.
import type { Api, EventName } from '../shared/contract'
import { API_GLOBAL, eventNames, requestNames as requestNameList } from '../shared/contract-names'

const requestNames = new Set<string>(requestNameList)
const allowedEvents = new Set<string>(eventNames)

const api = {
  request(name, ...args) {
    if (!requestNames.has(name)) return Promise.reject(new Error(`Unknown request ${String(name)}.`))
    return ipcRenderer.invoke(name, ...args)
  },
  on(name: EventName, listener) {
    if (!allowedEvents.has(name)) throw new Error(`Unknown event ${String(name)}.`)
    const relay = (_event: IpcRendererEvent, payload: unknown): void => {
      // The payload's type is the event's, set by main's typed EventSink.
      ;(listener as (p: unknown) => void)(payload)
    }
    ipcRenderer.on(name, relay)
    return () => {
      ipcRenderer.removeListener(name, relay)
    }
  }
} satisfies Api

contextBridge.exposeInMainWorld(API_GLOBAL, api)
