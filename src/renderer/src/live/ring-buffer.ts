/**
 * Fixed-capacity ring buffer of (time, dBm) points for one BSS's signal history.
 *
 * Typed arrays allocated once: memory stays flat once the buffer is full, however long a scan
 * runs (ARCHITECTURE.md "Renderer": chart series are bounded ring buffers).
 */

/** One point of a signal series: sample time (ms since epoch) and signal (dBm). */
export interface SignalPoint {
  readonly t: number
  readonly dbm: number
}

/** Bounded (time, value) history; the oldest point is overwritten when full. */
export class SignalRing {
  private readonly times: Float64Array
  private readonly values: Float32Array
  private start = 0
  private length = 0

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`)
    this.times = new Float64Array(capacity)
    this.values = new Float32Array(capacity)
  }

  /** Number of points held. */
  get size(): number {
    return this.length
  }

  /** Appends a point, overwriting the oldest when full. */
  push(t: number, dbm: number): void {
    const at = (this.start + this.length) % this.capacity
    this.times[at] = t
    this.values[at] = dbm
    if (this.length < this.capacity) this.length += 1
    else this.start = (this.start + 1) % this.capacity
  }

  /** Drops points older than `tMin` (the window's left edge). */
  dropBefore(tMin: number): void {
    while (this.length > 0 && (this.times[this.start] ?? Infinity) < tMin) {
      this.start = (this.start + 1) % this.capacity
      this.length -= 1
    }
  }

  /** Time of the newest point, or null when empty. */
  lastTime(): number | null {
    if (this.length === 0) return null
    return this.times[(this.start + this.length - 1) % this.capacity] ?? null
  }

  /** The points at or after `tMin`, oldest first, as plain objects for charting. */
  toArray(tMin = -Infinity): SignalPoint[] {
    const out: SignalPoint[] = []
    for (let i = 0; i < this.length; i += 1) {
      const at = (this.start + i) % this.capacity
      const t = this.times[at] ?? 0
      if (t >= tMin) out.push({ t, dbm: this.values[at] ?? 0 })
    }
    return out
  }
}
