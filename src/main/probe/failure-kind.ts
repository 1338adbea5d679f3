/**
 * Maps socket and resolver error codes to the probe's failure kinds, so every check reports the
 * same kind for the same network behaviour (a dropped packet, an ICMP reject, a TCP reset).
 */
import type { ProbeFailureKind } from '../../shared/model/probe'

/** The kind for a Node error code; null when the code says nothing about the network. */
export function kindForErrorCode(code: string | undefined): ProbeFailureKind | null {
  switch (code) {
    case 'ETIMEDOUT':
    case 'ETIMEOUT': // c-ares spelling
      return 'timeout'
    case 'ECONNREFUSED': // TCP reset to the SYN, or ICMP port unreachable on a connected UDP socket
    case 'ECONNRESET':
    case 'EREFUSED': // the DNS server answered REFUSED
      return 'refused'
    case 'EHOSTUNREACH': // ICMP host unreachable / administratively prohibited
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
    case 'EADDRNOTAVAIL':
      return 'unreachable'
    case 'ENOTFOUND': // c-ares: NXDOMAIN
      return 'nxdomain'
    case 'ENODATA': // c-ares: the name exists but has no address of that type
      return 'wrong-answer'
    case 'ESERVFAIL':
    case 'EFORMERR':
    case 'EBADRESP':
    case 'ENOTIMP':
    case 'EPROTO':
    case 'HPE_INVALID_CONSTANT':
    case 'HPE_INVALID_VERSION':
    case 'HPE_INVALID_STATUS':
      return 'bad-reply'
    case undefined: // not a system error: nothing said about the network
    default:
      return null
  }
}

/** Plain words for a failure kind, used at the start of a result's detail. */
export function describeKind(kind: ProbeFailureKind): string {
  switch (kind) {
    case 'timeout':
      return 'no answer before the timeout (dropped by a firewall?)'
    case 'refused':
      return 'refused (rejected by a firewall or nothing listening)'
    case 'unreachable':
      return 'unreachable (no route, or a firewall answered "prohibited")'
    case 'nxdomain':
      return 'no such name'
    case 'wrong-answer':
      return 'wrong answer'
    case 'untrusted-certificate':
      return 'untrusted certificate'
    case 'hostname-mismatch':
      return 'certificate is for another name'
    case 'captive-portal':
      return 'captive portal'
    case 'bad-reply':
      return 'bad reply'
  }
}

/** The `code` of a Node system error, when there is one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code
  return undefined
}

/** The message of anything thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
