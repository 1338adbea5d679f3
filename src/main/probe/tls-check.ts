/**
 * NET-TLS for one host: a TCP 443 handshake with SNI, the chain validated against the roots Node
 * trusts (its bundled public store plus NODE_EXTRA_CA_CERTS) and the host name checked. When
 * the chain does not validate the certificate's issuer, subject and fingerprint are kept: a
 * firewall doing TLS inspection shows up exactly like this, and chargers fail behind it.
 */
import { checkServerIdentity, connect, rootCertificates, type DetailedPeerCertificate } from 'node:tls'
import { failed, notRun, passed, timedOut, type CheckOutcome } from './check-types'
import { describeKind, errorCode, errorMessage, kindForErrorCode } from './failure-kind'

/** One line naming a certificate: subject, issuer, SHA-256 fingerprint. */
export function describeCertificate(cert: DetailedPeerCertificate): string {
  const name = (dn: object | undefined) =>
    dn ? Object.entries(dn).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`).join(', ') : 'unknown'
  return `subject ${name(cert.subject)}; issuer ${name(cert.issuer)}; SHA-256 ${cert.fingerprint256 ?? 'unknown'}`
}

/** The top-most certificate the server sent (the root or last intermediate of its chain). */
function topOfChain(cert: DetailedPeerCertificate): DetailedPeerCertificate {
  let current = cert
  const seen = new Set<string>()
  while (current.issuerCertificate && current.issuerCertificate !== current && !seen.has(current.fingerprint256)) {
    seen.add(current.fingerprint256)
    current = current.issuerCertificate
  }
  return current
}

/**
 * TLS handshake to `address`:`port` presenting `host` as SNI. `extraCa` adds trusted roots on top
 * of the bundled ones (tests); by default Node's own store is used, NODE_EXTRA_CA_CERTS included.
 */
export function tlsCheck(host: string, address: string, port: number, signal: AbortSignal, extraCa: readonly string[] = []): Promise<CheckOutcome> {
  const start = performance.now()
  const to = `TCP ${port} to ${host} (${address})`
  return new Promise((resolve) => {
    let settled = false
    const socket = connect({
      host: address,
      port,
      servername: host,
      // The chain and the name are judged below, so a failure keeps the certificate as evidence.
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
      ...(extraCa.length > 0 ? { ca: [...rootCertificates, ...extraCa] } : {})
    })
    const finish = (value: CheckOutcome) => {
      if (settled) return
      settled = true
      signal.removeEventListener('abort', onAbort)
      socket.destroy()
      resolve(value)
    }
    const onAbort = () => finish(timedOut(signal) ? failed('timeout', `${to}: ${describeKind('timeout')}`) : notRun('cancelled'))
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    socket.on('error', (error) => {
      const code = errorCode(error)
      let kind = kindForErrorCode(code)
      let why = code ?? errorMessage(error)
      if (code === 'ECONNRESET') why = 'connection reset during the TLS handshake (a firewall filtering by SNI?)'
      if (kind === null) {
        // OpenSSL errors (wrong version number, alerts): something answered that is not the
        // service's TLS endpoint.
        kind = 'bad-reply'
        why = errorMessage(error)
      }
      finish(failed(kind, `${to}: ${describeKind(kind)} — ${why}`))
    })
    socket.on('secureConnect', () => {
      const latency = performance.now() - start
      const cert = socket.getPeerCertificate(true)
      if (!cert || Object.keys(cert).length === 0) {
        finish(failed('bad-reply', `${to}: the server sent no certificate`, latency))
        return
      }
      const evidence = describeCertificate(cert)
      // Node folds a failed name check into authorizationError; tell it apart from a bad chain.
      const nameOnly = String(socket.authorizationError) === 'ERR_TLS_CERT_ALTNAME_INVALID'
      if (!socket.authorized && !nameOnly) {
        const top = topOfChain(cert)
        const root = top !== cert ? `; top of the chain: ${describeCertificate(top)}` : ''
        finish(
          failed(
            'untrusted-certificate',
            `${to}: TLS inspection suspected — the certificate does not chain to a public root (${String(socket.authorizationError)}): ${evidence}${root}`,
            latency
          )
        )
        return
      }
      const identity = checkServerIdentity(host, cert)
      if (identity) {
        finish(failed('hostname-mismatch', `${to}: the certificate is not valid for ${host} (${identity.message}): ${evidence}`, latency))
        return
      }
      finish(passed(latency, `${to}: ${socket.getProtocol() ?? 'TLS'}, chain valid, ${evidence}`))
    })
  })
}
