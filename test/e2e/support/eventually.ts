/** Polls `read` until `accept` holds (autosave is debounced ≤ 1 s), failing after `ms`. */
export async function eventually<T>(read: () => T, accept: (value: T) => boolean, ms = 10000): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    let value: T | undefined
    try {
      value = read()
      if (accept(value)) return value
    } catch {
      // Not there yet (file being renamed into place): retry.
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms; last value: ${JSON.stringify(value)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}
