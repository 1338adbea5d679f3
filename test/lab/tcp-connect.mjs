// Tries one TCP connection to HOST PORT (a name goes through the system resolver, i.e. the lab
// client's resolv.conf) and prints what happened: "connected", "error <code>" or "timeout".
// Exit 0 connected, 1 error, 2 timeout. Used by test/lab/handout-lab.test.ts.
import { connect } from 'node:net'

const [host, port, ms = '2000'] = process.argv.slice(2)
const socket = connect({ host, port: Number(port) })
const timer = setTimeout(() => {
  process.stdout.write('timeout\n')
  process.exit(2)
}, Number(ms))
socket.on('connect', () => {
  clearTimeout(timer)
  process.stdout.write('connected\n')
  socket.destroy()
  process.exit(0)
})
socket.on('error', (error) => {
  clearTimeout(timer)
  process.stdout.write(`error ${error.code ?? error.message}\n`)
  process.exit(1)
})
