/**
 * Renderer-test helpers around the shared fake Api (test/support/fake-api.ts): install it as the
 * app's global, and read the recorded calls of one request.
 */
import { API_GLOBAL, type RequestName, type ParsedRequestArgs } from '../../../src/shared/contract'
import { createFakeApi, type FakeApi } from '../../support/fake-api'

export { createFakeApi, type FakeApi }
export type FakeHandlers = Parameters<typeof createFakeApi>[0]

/** Installs the fake as the app's global API (what getApi() returns). */
export function installFakeApi(api: FakeApi): void {
  window[API_GLOBAL] = api
}

/** The (validated) arguments of every call of `name`, in order. */
export function callsOf<K extends RequestName>(api: FakeApi, name: K): ParsedRequestArgs<K>[] {
  return api.calls.filter((c) => c.name === name).map((c) => c.args as ParsedRequestArgs<K>) // recorded under this name
}
