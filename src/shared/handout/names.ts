/**
 * The IT handout's formats and the chargers' interface name: small and import-free, so the
 * contract (and the preload that bundles it) can validate requests without the generators.
 */

export const HANDOUT_FORMATS = ['table', 'csv', 'json', 'nftables', 'dnsmasq'] as const
export type HandoutFormat = (typeof HANDOUT_FORMATS)[number]

/** The file name endings of the handout's files. */
export type HandoutExtension = '.txt' | '.csv' | '.json' | '.nft' | '.conf'

/** File name ending and a human label per format (save dialogs, file names, the app's tabs). */
export const FORMAT_FILES: Readonly<Record<HandoutFormat, { readonly ext: HandoutExtension; readonly label: string; readonly suffix: string }>> = {
  table: { ext: '.txt', label: 'Table', suffix: 'it-handout' },
  csv: { ext: '.csv', label: 'CSV', suffix: 'it-handout' },
  json: { ext: '.json', label: 'JSON', suffix: 'it-handout' },
  nftables: { ext: '.nft', label: 'nftables', suffix: 'firewall' },
  dnsmasq: { ext: '.conf', label: 'dnsmasq', suffix: 'dnsmasq' }
}

/** Default name of the chargers' network interface, to be changed for the site. */
export const DEFAULT_CHARGERS_INTERFACE = 'br-chargers'

/** A Linux interface name (at most 15 characters, IFNAMSIZ - 1) that is safe inside an nft string. */
const INTERFACE_NAME = /^[A-Za-z0-9_.:-]{1,15}$/

/** Null when `name` can be the chargers' interface, else why not. */
export function interfaceNameProblem(name: string): string | null {
  return INTERFACE_NAME.test(name) ? null : `"${name}" is not an interface name: 1 to 15 letters, digits, '.', '_', ':' or '-'.`
}
