/**
 * What IT must set up for the drivers' phones (SITE-PHONE): the open `Tesla-Charging-Access`
 * network, from the requirement profile. One list for the CLI, the app's IT handout page and the PDF.
 */
import { PROFILE, requirementById, type RequirementProfile } from '../requirements/profile'

export interface DriversNetworkNeed {
  readonly what: string
  readonly detail: string
}

/** The drivers' network as IT must build it: name, security, internet, separation. */
export function driversNetworkNeeds(profile: RequirementProfile = PROFILE): DriversNetworkNeed[] {
  const ssid = profile.parameters.phoneSsid
  const source = requirementById('SITE-PHONE', profile)?.source ?? 'FAQ'
  return [
    {
      what: `Name exactly ${ssid}`,
      detail: `Drivers of non-Tesla vehicles start and pay for a session in the vendor's app on their own phone; where there is no cellular signal at the stalls, the vendor's ${source} asks for this network by this exact name.`
    },
    { what: 'Open (no password)', detail: 'Unsecured, as the vendor asks: drivers must join it without asking anyone.' },
    {
      what: 'Internet access',
      detail: 'Phones need the general internet (the vendor app and its payment pages), not only the chargers\' allowlist; no captive portal.'
    },
    {
      what: "Kept apart from the chargers' network",
      detail:
        "Its own SSID and VLAN/subnet, with client isolation, and no route to the chargers' network. It never replaces the chargers' WPA2/WPA3-Personal network (WIFI-SEC). An open network with a well-known name can be impersonated, so nothing but drivers' phones should rely on it."
    }
  ]
}
