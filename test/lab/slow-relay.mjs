// The lab's slow server: relays DNS (UDP 53), NTP (UDP 123), HTTP (TCP 80) and TLS (TCP 443) to
// the real servers, holding every client→server message back by a fixed delay. The lab has no
// netem qdisc to delay packets, so the delay lives here. Runs inside the cloud namespace.
// Usage: node slow-relay.mjs <listen-ip> <delay-ms> <dns-ip> <web-ip> <ntp-ip>
import { createSocket } from 'node:dgram'
import { connect, createServer } from 'node:net'

const [listen, delayText, dnsIp, webIp, ntpIp] = process.argv.slice(2)
const delay = Number(delayText)
const later = (f) => setTimeout(f, delay)

for (const [port, target] of [[53, dnsIp], [123, ntpIp]]) {
  const front = createSocket('udp4')
  front.on('message', (msg, client) => {
    later(() => {
      const back = createSocket('udp4')
      back.on('message', (reply) => {
        front.send(reply, client.port, client.address)
        back.close()
      })
      back.on('error', () => back.close())
      back.send(msg, port, target)
      setTimeout(() => { try { back.close() } catch { /* closed */ } }, 5000).unref()
    })
  })
  front.bind(port, listen)
}

for (const port of [80, 443]) {
  createServer((client) => {
    const server = connect(port, webIp)
    client.on('data', (chunk) => later(() => server.write(chunk)))
    server.on('data', (chunk) => client.write(chunk))
    const end = () => { client.destroy(); server.destroy() }
    client.on('close', end)
    server.on('close', end)
    client.on('error', end)
    server.on('error', end)
  }).listen(port, listen)
}
