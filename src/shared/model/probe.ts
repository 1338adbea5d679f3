/**
 * Firewall probe results: one check of one host over one protocol, and a whole run with its
 * network context.
 */
import { z } from 'zod'
import { requirementIdSchema } from './finding'

export const probeProtocolSchema = z.enum(['dns', 'ntp', 'http', 'tls'])
export type ProbeProtocol = z.infer<typeof probeProtocolSchema>

export const probeOutcomeSchema = z.enum(['pass', 'fail', 'not-run'])
export type ProbeOutcome = z.infer<typeof probeOutcomeSchema>

export const probeFailureKindSchema = z.enum([
  'timeout',
  'refused',
  'unreachable',
  'nxdomain',
  'wrong-answer',
  'untrusted-certificate',
  'hostname-mismatch',
  'captive-portal',
  'bad-reply'
])
export type ProbeFailureKind = z.infer<typeof probeFailureKindSchema>

export const probeResultSchema = z.object({
  requirement: requirementIdSchema,
  host: z.string().max(253),
  protocol: probeProtocolSchema,
  port: z.number().int().min(0).max(65535),
  outcome: probeOutcomeSchema,
  /** Set when outcome is 'fail'; null otherwise. */
  kind: probeFailureKindSchema.nullable(),
  latencyMs: z.number().nullable(),
  /** Human-readable detail: answer, stratum/offset, certificate issuer, why not run. */
  detail: z.string().max(4000),
  /** The firewall rule to add when it failed ("allow UDP 123 to pool.ntp.org"), else ''. */
  rule: z.string().max(500).default(''),
  /** For wildcard requirements: the wildcard this host stands for, e.g. '*.sn.tesla.services'. */
  wildcard: z.string().max(253).nullable().default(null)
})
export type ProbeResult = Readonly<z.infer<typeof probeResultSchema>>

export const probeContextSchema = z.object({
  interface: z.string().max(64).nullable(),
  ssid: z.string().max(256).nullable(),
  localIp: z.string().max(64).nullable(),
  gateway: z.string().max(64).nullable(),
  dnsServers: z.array(z.string().max(64)).readonly(),
  wired: z.boolean().nullable(),
  warnings: z.array(z.string().max(1000)).readonly()
})
export type ProbeContext = Readonly<z.infer<typeof probeContextSchema>>

export const probeRunSchema = z.object({
  id: z.string().max(64),
  startedAt: z.string().max(40),
  finishedAt: z.string().max(40).nullable(),
  cancelled: z.boolean().default(false),
  context: probeContextSchema,
  results: z.array(probeResultSchema).readonly()
})
export type ProbeRun = Readonly<z.infer<typeof probeRunSchema>>
