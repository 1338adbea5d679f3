/**
 * Keeps the network table's row order between re-sorts. Signals jitter by a few dB every scan;
 * re-sorting ~120 SSID groups on each sample moved DOM rows every second (layout and style work,
 * and rows jumping under the pointer). The order is recomputed when the technician changes the
 * sort, filter or target, and otherwise at most every `everyMs` of wall time.
 */
import { useMemo, useRef } from 'react'
import { applyOrder, orderOf, type SsidGroup, type TableOrder, type TableQuery } from './selectors'

/** Default: re-sort on the samples' values at most every 5 s. */
export const RESORT_EVERY_MS = 5000

interface Kept {
  readonly order: TableOrder
  readonly query: TableQuery
  readonly targetSsid: string
  readonly at: number
}

/** `fresh` (sorted) groups in a stable order; `clock` is a ticking wall clock (ms). */
export function useStableGroups(fresh: readonly SsidGroup[], query: TableQuery, targetSsid: string, clock: number, everyMs = RESORT_EVERY_MS): readonly SsidGroup[] {
  // The kept order is a cache of the previous result (as useMemo's own), not state: updating it
  // must not cause another render, and recomputing with the same inputs gives the same order.
  const kept = useRef<Kept | null>(null)
  /* eslint-disable react-hooks/refs -- a render cache: idempotent for the same inputs (see above) */
  return useMemo(() => {
    const k = kept.current
    if (k === null || k.query !== query || k.targetSsid !== targetSsid || clock - k.at >= everyMs || clock < k.at) {
      kept.current = { order: orderOf(fresh), query, targetSsid, at: clock }
      return fresh
    }
    const out = applyOrder(fresh, k.order)
    // Newcomers keep the place they were given until the next re-sort.
    kept.current = { ...k, order: orderOf(out) }
    return out
  }, [fresh, query, targetSsid, clock, everyMs])
  /* eslint-enable react-hooks/refs */
}
