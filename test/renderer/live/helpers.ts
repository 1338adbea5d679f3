/**
 * Builders for the live-view tests: observations with every field, and a fake Api that records
 * requests and lets a test emit events.
 */
import type { Api, EventName, Events, RequestArgs, RequestName, RequestResults } from '../../../src/shared/contract'
import type { Observation } from '../../../src/shared/model/observation'
import { makeObservation } from '../../support/survey-builders'

/** A WPA2/CCMP 20 MHz BSS "Net" on 2.4 GHz channel 6 at -60 dBm; override what the test is about. */
export function obs(over: Partial<Observation> = {}): Observation {
  return makeObservation({
    ssid: 'Net',
    security: { protocols: ['WPA2'], akm: ['PSK'], pairwiseCiphers: ['CCMP'], groupCipher: 'CCMP', pmf: 'none' },
    supportedRatesMbps: null,
    signalDbm: -60,
    ...over
  })
}

export interface FakeApi extends Api {
  readonly calls: { name: RequestName; args: unknown[] }[]
  emit<K extends EventName>(name: K, payload: Events[K]): void
  /** Answers for requests by name; a function may throw to simulate a broken transport. */
  readonly answers: Partial<{ [K in RequestName]: () => RequestResults[K] }>
  listenerCount(name: EventName): number
}

/** A fake Api: records requests, answers from `answers`, emits events on demand. */
export function fakeApi(): FakeApi {
  const listeners = new Map<EventName, Set<(p: unknown) => void>>()
  const calls: { name: RequestName; args: unknown[] }[] = []
  const answers: FakeApi['answers'] = {
    'scan:start': () => ({ ok: true, sessionId: 's1', intervalMs: 2000 }),
    'scan:stop': () => ({ ok: true })
  }
  return {
    calls,
    answers,
    request<K extends RequestName>(name: K, ...args: RequestArgs<K>): Promise<RequestResults[K]> {
      calls.push({ name, args })
      const answer = answers[name] as (() => RequestResults[K]) | undefined // the map is keyed by K
      if (!answer) return Promise.reject(new Error(`fake Api: no answer for ${name}`))
      try {
        return Promise.resolve(answer())
      } catch (e) {
        return Promise.reject(e)
      }
    },
    on(name, listener) {
      let set = listeners.get(name)
      if (!set) listeners.set(name, (set = new Set()))
      const l = listener as (p: unknown) => void // stored untyped; emit() restores the payload type
      set.add(l)
      return () => set.delete(l)
    },
    emit(name, payload) {
      for (const l of listeners.get(name) ?? []) l(payload)
    },
    listenerCount: (name) => listeners.get(name)?.size ?? 0
  }
}
