/** Runs `fn` with the process's zone (TZ) set to `timeZone`, then restores it: Node and Intl re-read TZ when it changes. */
export function withTimeZone<T>(timeZone: string, fn: () => T): T {
  const saved = process.env.TZ
  process.env.TZ = timeZone
  try {
    return fn()
  } finally {
    if (saved === undefined) delete process.env.TZ
    else process.env.TZ = saved
  }
}
