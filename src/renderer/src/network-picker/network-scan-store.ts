/**
 * "Scan for networks" when the picker has no scan to offer yet: one scan through the same
 * `scan:snapshot` request Measure uses, kept here for the picker only (never stored in a survey).
 */
import { getApi } from '../api'
import { createStore } from '../state/create-store'
import type { ScanSource } from './network-choices'

export interface NetworkScanState {
  readonly busy: boolean
  readonly scan: ScanSource | null
  /** Why the last scan failed, in words for the technician. */
  readonly error: string | null
}

export const networkScanStore = createStore<NetworkScanState>({ busy: false, scan: null, error: null })

/** Takes one scan for the picker; failures land in `error`. */
export async function scanForNetworks(): Promise<void> {
  if (networkScanStore.get().busy) return
  networkScanStore.update((s) => ({ ...s, busy: true, error: null }))
  try {
    const outcome = await getApi().request('scan:snapshot', { scans: 1 })
    networkScanStore.update((s) =>
      outcome.ok
        ? { busy: false, error: null, scan: { observations: outcome.observations, at: Date.now(), label: 'the scan just taken' } }
        : { ...s, busy: false, error: outcome.reason === 'cancelled' ? null : outcome.message }
    )
  } catch (error) {
    networkScanStore.update((s) => ({ ...s, busy: false, error: `The scan did not complete: ${error instanceof Error ? error.message : String(error)}.` }))
  }
}
