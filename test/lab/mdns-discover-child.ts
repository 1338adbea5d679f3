/**
 * Runs charger discovery (and one `.local` read through the real resolver path) inside a lab
 * namespace and prints the result as JSON. Usage: mdns-discover-child.ts TIMEOUT_MS [HOST]
 */
import { discoverChargers, resolveMdns } from '../../src/main/charger/discovery'

const timeoutMs = Number(process.argv[2] ?? 2000)
const host = process.argv[3]
const progress: number[] = []
const result = await discoverChargers({ timeoutMs, onProgress: (e) => progress.push(e) })
const resolved = host === undefined ? null : await resolveMdns(host, timeoutMs).catch((e: unknown) => String(e))
process.stdout.write(`${JSON.stringify({ ...result, progressTicks: progress.length, resolved })}\n`)
