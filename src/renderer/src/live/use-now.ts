/**
 * A ticking wall clock for "last update 3 s ago" labels. A display clock only: it never asks main
 * for anything (the renderer never polls; samples are pushed).
 */
import { useEffect, useState } from 'react'

/** Current time in ms, re-rendering every `everyMs` while `active`. */
export function useNow(active: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!active) return
    const id = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(id)
  }, [active, everyMs])
  return now
}
