/**
 * The Wall Connector network requirement profile, as data: every requirement with its stable ID,
 * title, the source's own wording, where it comes from, how much it weighs, and its parameters.
 *
 * Source of truth: `../shared/requirements/wall-connector-network.md` (the vendor FAQ's network
 * section, the vendor's other pages, and the product's own decisions). Bump PROFILE_VERSION
 * (semver) whenever a rule or a parameter changes: surveys record the version they were judged with.
 */
import { knownRequirement, type RequirementId } from '../model/finding'
import { WRITTEN_BY_NEWER } from '../model/newer-names'
import type { ProbeProtocol } from '../model/probe'

/** Profile identity, stored in every survey (`survey.profile`). */
export const PROFILE_ID = 'wall-connector-network'
/** Semver of this profile: major = a rule got stricter, minor = a rule was added, patch = wording. */
export const PROFILE_VERSION = '1.2.0'

/** Where a requirement comes from; the report cites it. */
export type RequirementSource = 'FAQ' | 'vendor page' | 'product decision' | 'charger API'

/**
 * How heavy a failure is: `fail` makes a location not ready; `warn` only warns;
 * `billing` depends on the site's billing mode (billed → fail, free → warn; SITE-BILLING).
 */
export type RequirementSeverity = 'fail' | 'warn' | 'billing'

/** What the requirement is about: the chargers' Wi-Fi, the firewall, the site, or an installed charger's own reading. */
export type RequirementGroup = 'wifi' | 'connectivity' | 'site' | 'charger'

/**
 * Where a requirement is judged: at every measurement from its Wi-Fi snapshot and probe run; only
 * at a stall that was watched (WIFI-STABLE); only where an installed charger was read (WC-*); or
 * nowhere on its own (SITE-BILLING weighs the connectivity findings).
 */
export type RequirementScope = 'every measurement' | 'watched stall' | 'read charger' | 'weighs others'

export interface Requirement {
  readonly id: RequirementId
  readonly title: string
  readonly group: RequirementGroup
  /** Where the requirement is judged (judgeMeasurement honours it; a test counts findings from it). */
  readonly scope: RequirementScope
  /** The source's own words (the FAQ's wording in quotes where the FAQ has it). */
  readonly wording: string
  readonly source: RequirementSource
  readonly severity: RequirementSeverity
}

/** A host the chargers must reach (NET-DOMAINS); wildcards are probed through `representative`. */
export interface RequiredDomain {
  /** As the FAQ lists it: a host name or a wildcard such as `*.sn.tesla.services`. */
  readonly pattern: string
  /** Hosts probed for this entry: the named host itself, or representative hosts of a wildcard. */
  readonly probeHosts: readonly string[]
  /**
   * What the chargers use this entry for (besides the DNS lookup every name needs): NTP for the
   * time servers, HTTP and TLS for the rest. Time servers serve no web content, so HTTP/TLS checks
   * against them would report failures that do not matter.
   */
  readonly services: readonly Exclude<ProbeProtocol, 'dns'>[]
}

/** One kind of traffic the firewall must let through (NET-DNS, NET-NTP, NET-HTTP, NET-TLS). */
export interface RequiredService {
  readonly protocol: ProbeProtocol
  readonly requirement: RequirementId
  readonly transport: 'udp' | 'tcp'
  readonly port: number
}

export interface SignalParameters {
  /** Pass at or above this level (dBm at the charger, after the margin). */
  readonly passDbm: number
  /** Warn from just below passDbm down to this level; below it fails. */
  readonly warnDbm: number
  /**
   * Subtracted from the laptop's reading to estimate the charger's (dB). Default 0: no vendor
   * figure exists for the charger's radio, and -67 dBm is already a conservative enterprise
   * survey level (voice-grade) for a client that sends little traffic; an invented margin would
   * make the figure look like more than it is. Sites where the charger's radio sits deeper in
   * metal than the laptop can set 3–6 dB.
   */
  readonly laptopMarginDb: number
}

/** WIFI-STABLE (survey practice): when a watch of the stall counts as unstable. */
export interface StabilityParameters {
  /**
   * Warn when the target was missing or below the WIFI-SIGNAL fail threshold for more than this
   * share of the watched time (0–1). 5 %: about 3 minutes an hour offline, which a billed site's
   * drivers notice; no vendor figure exists.
   */
  readonly maxUnusableShare: number
  /** Warn when more connectivity checks than this failed (0: any failed check warns). */
  readonly maxFailedChecks: number
}

export interface ProfileParameters {
  readonly signal: SignalParameters
  readonly stability: StabilityParameters
  /** WIFI-RATE: data rates (Mbps) of which the network must support at least one. */
  readonly allowedRatesMbps: readonly number[]
  /** WIFI-WIDTH: widest allowed channel (MHz). */
  readonly maxChannelWidthMhz: number
  /** SITE-PHONE: the exact name of the drivers' open network. */
  readonly phoneSsid: string
  /** NET-DNS, NET-NTP, NET-HTTP, NET-TLS: the protocol and port of each kind of traffic. */
  readonly services: readonly RequiredService[]
  /** NET-DOMAINS: every host or wildcard the chargers must reach. */
  readonly domains: readonly RequiredDomain[]
}

export interface RequirementProfile {
  readonly id: string
  readonly version: string
  readonly title: string
  readonly requirements: readonly Requirement[]
  readonly parameters: ProfileParameters
}

const requirements: readonly Requirement[] = [
  {
    id: 'WIFI-SEC',
    title: 'WPA2 or WPA3 security with AES (CCMP); no WEP, no TKIP',
    group: 'wifi',
    scope: 'every measurement',
    wording: '"Network security level must be WPA2 or WPA3 compliant (WEP, WPA2-TKIP are not supported)"',
    source: 'FAQ',
    severity: 'fail'
  },
  {
    id: 'WIFI-AUTH',
    title: 'Personal authentication (pre-shared key or SAE), not enterprise 802.1X',
    group: 'wifi',
    scope: 'every measurement',
    wording:
      '"Are the chargers capable of connecting to a network secured with certificates or Active Directory authentication? No"',
    source: 'FAQ',
    severity: 'fail'
  },
  {
    id: 'WIFI-BAND',
    title: 'The network is on 2.4 GHz',
    group: 'wifi',
    scope: 'every measurement',
    wording: '"Wi-Fi network must be 2.4 GHz (If it shows up in the list of scanned networks in Tesla One, it is)"',
    source: 'FAQ',
    severity: 'fail'
  },
  {
    id: 'WIFI-WIDTH',
    title: 'Channel width 20 MHz or less',
    group: 'wifi',
    scope: 'every measurement',
    wording: '"Network channel width must be less than or equal to 20 MHz"',
    source: 'FAQ',
    severity: 'fail'
  },
  {
    id: 'WIFI-PHY',
    title: '802.11b, 802.11g or 802.11n',
    group: 'wifi',
    scope: 'every measurement',
    wording: '"Network must be 802.11b, 802.11g or 802.11n compliant"',
    source: 'FAQ',
    severity: 'fail'
  },
  {
    id: 'WIFI-RATE',
    title: 'Supports at least one of the listed data rates',
    group: 'wifi',
    scope: 'every measurement',
    wording:
      '"Network must support at least one of the following data rates": 802.11 1, 2 Mbps; 802.11b 5.5, 11 Mbps; 802.11g 6, 9, 12, 18, 24, 36, 48, 54 Mbps; 802.11n 72.2 Mbps (20 MHz channel)',
    source: 'FAQ',
    severity: 'fail'
  },
  {
    id: 'WIFI-SIGNAL',
    title: 'Signal strength at the charger location',
    group: 'wifi',
    scope: 'every measurement',
    wording:
      'No vendor figure exists. Survey practice: pass at -67 dBm or better, warn down to -75 dBm, fail below (a survey-practice threshold, not a vendor figure).',
    source: 'product decision',
    severity: 'fail'
  },
  {
    id: 'WIFI-MIXED',
    title: 'No WPA2/WPA3 transition mode',
    group: 'wifi',
    scope: 'every measurement',
    wording:
      'WPA2/WPA3 transition mode: the FAQ allows WPA3, but a vendor support answer asks for WPA2 only and field reports show failures.',
    source: 'vendor page',
    severity: 'warn'
  },
  {
    id: 'WIFI-HIDDEN',
    title: 'The network name is broadcast (not hidden)',
    group: 'wifi',
    scope: 'every measurement',
    wording: 'Hidden SSID: not documented by the vendor; embedded clients often fail on them.',
    source: 'vendor page',
    severity: 'warn'
  },
  {
    id: 'WIFI-STEER',
    title: 'One 2.4 GHz network, no band steering',
    group: 'wifi',
    scope: 'every measurement',
    wording:
      'The same SSID also on 5/6 GHz (band steering): the vendor\'s support answer asks for a single 2.4 GHz network.',
    source: 'vendor page',
    severity: 'warn'
  },
  {
    id: 'WIFI-STABLE',
    title: 'Stable over time: the network stays heard and usable (watch)',
    group: 'wifi',
    scope: 'watched stall',
    wording:
      'No vendor figure exists. Survey practice: watch the stall for a while (5 min to 12 h, evenings included where neighbours share the channel); warn when the network was missing or below the WIFI-SIGNAL fail threshold for more than 5 % of the time, or when light connectivity checks (DNS, TCP 443, NTP) failed intermittently (a survey-practice rule, not a vendor figure; judged only where a watch was taken).',
    source: 'product decision',
    severity: 'warn'
  },
  {
    id: 'WIFI-PORTAL',
    title: 'No captive portal',
    group: 'connectivity',
    scope: 'every measurement',
    wording: 'No captive portal on the chargers\' network (the vendor\'s setup page says so).',
    source: 'vendor page',
    severity: 'billing'
  },
  {
    id: 'NET-DNS',
    title: 'DNS allowed (UDP 53)',
    group: 'connectivity',
    scope: 'every measurement',
    wording: 'Firewall: DNS on UDP port 53',
    source: 'FAQ',
    severity: 'billing'
  },
  {
    id: 'NET-NTP',
    title: 'NTP allowed (UDP 123)',
    group: 'connectivity',
    scope: 'every measurement',
    wording: 'Firewall: NTP on UDP port 123',
    source: 'FAQ',
    severity: 'billing'
  },
  {
    id: 'NET-HTTP',
    title: 'HTTP allowed (TCP 80)',
    group: 'connectivity',
    scope: 'every measurement',
    wording: 'Firewall: HTTP on TCP port 80',
    source: 'FAQ',
    severity: 'billing'
  },
  {
    id: 'NET-TLS',
    title: 'TLS allowed (TCP 443), without TLS inspection',
    group: 'connectivity',
    scope: 'every measurement',
    wording:
      'Firewall: TLS on TCP port 443. A chain that does not validate means the firewall inspects TLS; chargers carry their own trust store and fail behind TLS inspection.',
    source: 'FAQ',
    severity: 'billing'
  },
  {
    id: 'NET-DOMAINS',
    title: 'Required domains reachable',
    group: 'connectivity',
    scope: 'every measurement',
    wording:
      'Domains that must be reachable: *.sn.tesla.services (h3-hermes-prd, h3-hermes-stream-prd, wc-maestro-prd, maestro-prd, am-i-online-prd, hermes-prd), pool.ntp.org, time.nist.gov, *.s3.amazonaws.com',
    source: 'FAQ',
    severity: 'billing'
  },
  {
    id: 'SITE-BILLING',
    title: 'Internet required when charging is billed',
    group: 'site',
    scope: 'weighs others',
    wording:
      'Power Management features work without an internet connection at free charging sites. A stable internet connection is required when charging energy is billed to the vehicle owner.',
    source: 'FAQ',
    severity: 'billing'
  },
  {
    id: 'SITE-PHONE',
    title: 'Open "Tesla-Charging-Access" network for drivers\' phones (where there is no cellular signal)',
    group: 'site',
    scope: 'every measurement',
    wording:
      '"Non-Tesla vehicles are having trouble starting a charge session": where no cellular signal is available, set up a dedicated unsecured (no password) network named exactly Tesla-Charging-Access, with internet access.',
    source: 'FAQ',
    severity: 'warn'
  },
  // Installed chargers' own view (issue 13): read from each Gen 3 Wall Connector's local API
  // (`/api/1/wifi_status`, fields as einarhauks/tesla-wall-connector reads them).
  {
    id: 'WC-ONLINE',
    title: 'The installed charger is connected and reaches the cloud',
    group: 'charger',
    scope: 'read charger',
    wording:
      'The charger\'s own wifi_status: wifi_connected true and internet true (its own verdict of its cloud connection). As SITE-BILLING says, a stable internet connection is required when charging is billed; at a free site Power Management works offline, so it is a warning.',
    source: 'charger API',
    severity: 'billing'
  },
  {
    id: 'WC-NETWORK',
    title: 'The installed charger joined the survey\'s target network',
    group: 'charger',
    scope: 'read charger',
    wording:
      'The network named in the charger\'s own wifi_status (wifi_ssid, base64-decoded where the firmware encodes it) is the survey\'s target network, the one every other requirement was checked on.',
    source: 'charger API',
    severity: 'fail'
  },
  {
    id: 'WC-SIGNAL',
    title: 'The installed charger\'s own signal strength',
    group: 'charger',
    scope: 'read charger',
    wording:
      'The charger\'s own wifi_rssi against the WIFI-SIGNAL thresholds, with no laptop margin (it is the charger\'s own radio). Survey practice, not a vendor figure.',
    source: 'charger API',
    severity: 'fail'
  }
]

/** The current profile: what every rule reads its thresholds and wording from. */
export const PROFILE: RequirementProfile = {
  id: PROFILE_ID,
  version: PROFILE_VERSION,
  title: 'Tesla Wall Connector — network requirements',
  requirements,
  parameters: {
    signal: { passDbm: -67, warnDbm: -75, laptopMarginDb: 0 },
    stability: { maxUnusableShare: 0.05, maxFailedChecks: 0 },
    allowedRatesMbps: [1, 2, 5.5, 11, 6, 9, 12, 18, 24, 36, 48, 54, 72.2],
    maxChannelWidthMhz: 20,
    phoneSsid: 'Tesla-Charging-Access',
    services: [
      { protocol: 'dns', requirement: 'NET-DNS', transport: 'udp', port: 53 },
      { protocol: 'ntp', requirement: 'NET-NTP', transport: 'udp', port: 123 },
      { protocol: 'http', requirement: 'NET-HTTP', transport: 'tcp', port: 80 },
      { protocol: 'tls', requirement: 'NET-TLS', transport: 'tcp', port: 443 }
    ],
    domains: [
      {
        pattern: '*.sn.tesla.services',
        probeHosts: [
          'h3-hermes-prd.sn.tesla.services',
          'h3-hermes-stream-prd.sn.tesla.services',
          'wc-maestro-prd.sn.tesla.services',
          'maestro-prd.sn.tesla.services',
          'am-i-online-prd.sn.tesla.services',
          'hermes-prd.sn.tesla.services'
        ],
        services: ['http', 'tls']
      },
      { pattern: 'pool.ntp.org', probeHosts: ['pool.ntp.org'], services: ['ntp'] },
      { pattern: 'time.nist.gov', probeHosts: ['time.nist.gov'], services: ['ntp'] },
      // No public name under this wildcard is documented for the chargers; the bucket endpoint
      // of the wildcard's own zone stands for it (the report says the rule must allow all of it).
      { pattern: '*.s3.amazonaws.com', probeHosts: ['s3.amazonaws.com'], services: ['http', 'tls'] }
    ]
  }
}

/** The service (protocol, transport, port, requirement) of `protocol` in a profile. */
export function serviceOf(protocol: ProbeProtocol, profile: RequirementProfile = PROFILE): RequiredService {
  const service = profile.parameters.services.find((s) => s.protocol === protocol)
  // Every profile lists all four protocols; a missing one is a programming error, not input.
  if (service === undefined) throw new Error(`the profile ${profile.id} ${profile.version} has no ${protocol} service`)
  return service
}

/** Looks a requirement up by ID in a profile (the current one by default). */
export function requirementById(id: RequirementId, profile: RequirementProfile = PROFILE): Requirement | undefined {
  return profile.requirements.find((r) => r.id === id)
}

/**
 * A requirement's title for a person (report, CSV): the profile's, the ID itself when the profile
 * lacks it, and "unknown (written by a newer version)" for an ID this build does not know.
 */
export function requirementTitle(id: string, profile: RequirementProfile = PROFILE): string {
  const known = knownRequirement(id)
  return known === null ? WRITTEN_BY_NEWER : (requirementById(known, profile)?.title ?? known)
}
