/**
 * A Wall Connector's mDNS side, for the lab: answers `_http._tcp.local` (PTR + SRV + A) and A
 * queries for `TeslaWallConnector_<serial>.local`, with the address given. Prints `ready`.
 * Usage: mdns-responder.ts SERIAL ADDRESS
 */
import makeMdns from 'multicast-dns'

const [serial = 'B7S24024J01612', address = '10.232.0.2'] = process.argv.slice(2)
const host = `TeslaWallConnector_${serial}.local`
const instance = `TeslaWallConnector_${serial}._http._tcp.local`
const mdns = makeMdns()
mdns.on('query', (query) => {
  for (const q of query.questions) {
    if (q.name === '_http._tcp.local' && q.type === 'PTR') {
      mdns.respond({
        answers: [{ name: '_http._tcp.local', type: 'PTR', data: instance }],
        additionals: [
          { name: instance, type: 'SRV', data: { target: host, port: 80 } },
          { name: host, type: 'A', data: address }
        ]
      })
    } else if (q.name.toLowerCase() === host.toLowerCase() && q.type === 'A') {
      mdns.respond({ answers: [{ name: host, type: 'A', data: address }] })
    }
  }
})
mdns.on('ready', () => process.stdout.write('ready\n'))
process.on('SIGTERM', () => mdns.destroy(() => process.exit(0)))
