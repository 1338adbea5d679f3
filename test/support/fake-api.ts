/**
 * An in-memory `Api` for renderer tests: the same zod validation as main (a bad call fails the
 * way it would over IPC or HTTP), JSON round-trips like a real transport, and `emit` to push
 * events to the page's listeners.
 */
import { eventNames, requestArgs, type Api, type EventName, type Events, type Handlers, type RequestName } from '../../src/shared/contract'

/** The fake: an `Api` plus the test's controls. */
export interface FakeApi extends Api {
  /** Pushes an event to every listener, as main would. */
  emit<K extends EventName>(name: K, payload: Events[K]): void
  /** Every request made, in order, with its (validated) arguments. */
  readonly calls: ReadonlyArray<{ readonly name: RequestName; readonly args: readonly unknown[] }>
  /** Listeners currently subscribed to `name`. */
  listenerCount(name: EventName): number
}

/** What a transport does to a value: JSON in, JSON out (no Dates, functions or undefined slots). */
function roundTrip<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T) // same type, copied
}

/**
 * A fake API answering with `handlers`; a request with no handler rejects, naming it.
 *
 * Handlers receive the parsed arguments (zod defaults applied), like main's handlers do.
 */
export function createFakeApi(handlers: Partial<Handlers>): FakeApi {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const calls: Array<{ name: RequestName; args: readonly unknown[] }> = []
  return {
    calls,
    async request(name, ...args) {
      if (!Object.hasOwn(requestArgs, name)) throw new Error(`unknown request: ${String(name)}`)
      const parsed = requestArgs[name].safeParse(roundTrip(args))
      if (!parsed.success) {
        throw new Error(`invalid arguments: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(arguments)'}: ${i.message}`).join('; ')}`)
      }
      const values = parsed.data as readonly unknown[] // a tuple matching the handler by construction
      calls.push({ name, args: values })
      const handler = handlers[name] as ((...a: readonly unknown[]) => Promise<unknown>) | undefined // looked up by name
      if (!handler) throw new Error(`createFakeApi: no fake handler for ${name}`)
      return roundTrip(await handler(...values)) as never // the handler's result for `name`
    },
    on(name, listener) {
      if (!eventNames.includes(name)) throw new Error(`unknown event: ${String(name)}`)
      let set = listeners.get(name)
      if (!set) {
        set = new Set()
        listeners.set(name, set)
      }
      const stored = listener as (payload: unknown) => void // typed per event at the surface
      set.add(stored)
      return () => {
        set.delete(stored)
      }
    },
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) listener(roundTrip(payload))
    },
    listenerCount(name) {
      return listeners.get(name)?.size ?? 0
    }
  }
}
