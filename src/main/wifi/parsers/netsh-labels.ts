/**
 * `netsh wlan show networks mode=bssid` labels per Windows display language, as data. The parser
 * matches a line's label against these after folding case, NBSP and the unit in parentheses, so
 * a label set is the only thing a new language needs. en, de and fr are verified against the
 * captures in test/fixtures/scan/windows; it, nl and es follow Microsoft's published UI strings
 * and are not yet verified by a capture.
 */
export type NetshField =
  | 'interface'
  | 'networkType'
  | 'authentication'
  | 'encryption'
  | 'signal'
  | 'radioType'
  | 'band'
  | 'channel'
  | 'basicRates'
  | 'otherRates'
  /** `netsh wlan show interfaces`: the connected AP's BSSID (unnumbered). */
  | 'apBssid'

export const NETSH_LABELS: Readonly<Record<string, Readonly<Record<NetshField, readonly string[]>>>> = {
  en: {
    interface: ['interface name'],
    networkType: ['network type'],
    authentication: ['authentication'],
    encryption: ['encryption', 'cipher'],
    signal: ['signal'],
    radioType: ['radio type'],
    band: ['band'],
    channel: ['channel'],
    basicRates: ['basic rates'],
    otherRates: ['other rates'],
    apBssid: ['ap bssid', 'bssid']
  },
  de: {
    interface: ['schnittstellenname'],
    networkType: ['netzwerktyp'],
    authentication: ['authentifizierung'],
    encryption: ['verschlüsselung', 'verschlüsselungsverfahren'],
    signal: ['signal'],
    radioType: ['funktyp'],
    band: ['band', 'bereich'],
    channel: ['kanal'],
    basicRates: ['basisraten'],
    otherRates: ['andere raten'],
    apBssid: ['ap bssid']
  },
  fr: {
    interface: ['nom de l’interface', "nom de l'interface"],
    networkType: ['type de réseau'],
    authentication: ['authentification'],
    encryption: ['chiffrement'],
    signal: ['signal'],
    radioType: ['type de radio'],
    band: ['bande'],
    channel: ['canal'],
    basicRates: ['taux de base'],
    otherRates: ['autres taux'],
    apBssid: ["point d'accès d'identificateur ssid", 'bssid du point d’accès', 'bssid']
  },
  it: {
    interface: ['nome interfaccia'],
    networkType: ['tipo di rete'],
    authentication: ['autenticazione'],
    encryption: ['crittografia'],
    signal: ['segnale'],
    radioType: ['tipo frequenza radio', 'tipo di radio'],
    band: ['banda'],
    channel: ['canale'],
    basicRates: ['velocità di base'],
    otherRates: ['altre velocità'],
    apBssid: ['bssid ap', 'bssid']
  },
  nl: {
    interface: ['interfacenaam'],
    networkType: ['netwerktype'],
    authentication: ['verificatie'],
    encryption: ['versleuteling', 'codering'],
    signal: ['signaal'],
    radioType: ['radiotype'],
    band: ['band'],
    channel: ['kanaal'],
    basicRates: ['basissnelheden'],
    otherRates: ['andere snelheden'],
    apBssid: ['ap-bssid', 'bssid']
  },
  es: {
    interface: ['nombre de interfaz'],
    networkType: ['tipo de red'],
    authentication: ['autenticación'],
    encryption: ['cifrado'],
    signal: ['señal'],
    radioType: ['tipo de radio'],
    band: ['banda'],
    channel: ['canal'],
    basicRates: ['velocidades básicas'],
    otherRates: ['otras velocidades'],
    apBssid: ['bssid de ap', 'bssid']
  }
}

/** Authentication values that mean an open network, per language. */
export const NETSH_OPEN_WORDS: readonly string[] = ['open', 'offen', 'ouvrir', 'ouvert', 'aperta', 'aperto', 'openen', 'abierta', 'abierto']
/** Encryption values that mean "none", per language. */
export const NETSH_NONE_WORDS: readonly string[] = ['none', 'keine', 'aucun', 'aucune', 'nessuna', 'nessuno', 'geen', 'ninguno', 'ninguna']
/** Words for an enterprise (802.1X) class, per language; "Personal" variants mean PSK/SAE. */
export const NETSH_ENTERPRISE_WORDS: readonly string[] = ['enterprise', 'entreprise', 'unternehmen', 'aziendale', 'empresa', 'onderneming', 'bedrijf']
