/**
 * A fake contract Api for renderer tests: each request answers from a handler the test gives,
 * every call is recorded, and events can be pushed by the test.
 */
import { API_GLOBAL, type Api, type EventName, type Events, type RequestArgs, type RequestName, type RequestResults } from '../../../src/shared/contract'

export type FakeHandlers = { [K in RequestName]?: (...args: RequestArgs<K>) => Promise<RequestResults[K]> | RequestResults[K] }

export interface FakeApi extends Api {
  readonly calls: { readonly name: RequestName; readonly args: readonly unknown[] }[]
  /** Pushes an event to the subscribed listeners. */
  emit<K extends EventName>(name: K, payload: Events[K]): void
  /** Calls of one request, with their arguments. */
  callsOf<K extends RequestName>(name: K): RequestArgs<K>[]
}

/** Creates a fake Api; a request without a handler rejects, naming itself (a test bug). */
export function createFakeApi(handlers: FakeHandlers): FakeApi {
  const calls: { name: RequestName; args: readonly unknown[] }[] = []
  const listeners = new Map<EventName, Set<(payload: never) => void>>()
  const api: FakeApi = {
    calls,
    async request(name, ...args) {
      calls.push({ name, args })
      const handler = handlers[name] as ((...a: typeof args) => unknown) | undefined // the map's type ties each name to its handler
      if (!handler) throw new Error(`fake api: no handler for ${name}`)
      return (await handler(...args)) as RequestResults[typeof name] // handler typed per name above
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set()
      set.add(listener as (payload: never) => void) // stored untyped; emit passes the matching payload
      listeners.set(name, set)
      return () => set.delete(listener as (payload: never) => void)
    },
    emit(name, payload) {
      for (const l of listeners.get(name) ?? []) (l as (p: typeof payload) => void)(payload)
    },
    callsOf(name) {
      return calls.filter((c) => c.name === name).map((c) => c.args as RequestArgs<typeof name>) // recorded with this name
    }
  }
  return api
}

/** Installs the fake as the app's global API (what getApi() returns). */
export function installFakeApi(api: FakeApi): void {
  window[API_GLOBAL] = api
}
