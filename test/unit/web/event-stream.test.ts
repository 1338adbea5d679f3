import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createEventStream } from '../../../src/main/web/event-stream'

/** A ServerResponse stand-in recording what was written. */
class FakeResponse extends EventEmitter {
  written = ''
  status = 0
  ended = false
  writeHead(status: number): void {
    this.status = status
  }
  write(chunk: string): void {
    this.written += chunk
  }
  end(): void {
    this.ended = true
  }
}

describe('event stream', () => {
  it('broadcasts frames, sends heartbeats, drops closed clients and ends all on close', async () => {
    const stream = createEventStream(20)
    const a = new FakeResponse()
    const b = new FakeResponse()
    stream.attach(a as never, {}) // only writeHead/write/end/on are used
    stream.attach(b as never, {})
    expect(stream.size).toBe(2)
    stream.emit('scan:progress', { done: 1, total: 3 })
    b.emit('close')
    expect(stream.size).toBe(1)
    await new Promise((r) => setTimeout(r, 60))
    stream.emit('scan:progress', { done: 2, total: 3 })
    expect(a.status).toBe(200)
    expect(a.written).toMatch(/^: connected\n\nevent: scan:progress\ndata: {"done":1,"total":3}\n\n(: heartbeat\n\n)+event: scan:progress\ndata: {"done":2,"total":3}\n\n$/)
    expect(b.written).not.toContain('"done":2')
    stream.closeAll()
    expect(a.ended).toBe(true)
    expect(stream.size).toBe(0)
  })
})
