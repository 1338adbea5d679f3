/**
 * What a technician may type, and which addresses are read without asking.
 */
import { describe, expect, it } from 'vitest'
import { addressScope, formatTarget, parseChargerTarget } from '../../../src/main/charger/charger-target'

describe('parseChargerTarget', () => {
  it.each([
    ['192.168.1.221', { host: '192.168.1.221', port: 80 }],
    ['192.168.1.221:8080', { host: '192.168.1.221', port: 8080 }],
    ['  TeslaWallConnector_B7S24024J01612.local  ', { host: 'TeslaWallConnector_B7S24024J01612.local', port: 80 }],
    ['teslawallconnector_abc.local.', { host: 'teslawallconnector_abc.local', port: 80 }],
    ['fe80::1', { host: 'fe80::1', port: 80 }],
    ['[fd00::5]:81', { host: 'fd00::5', port: 81 }],
    ['http://10.0.0.7/api/1/vitals', { host: '10.0.0.7', port: 80 }],
    ['http://10.0.0.7:8000', { host: '10.0.0.7', port: 8000 }]
  ])('%j → %j', (input, expected) => {
    expect(parseChargerTarget(input)).toEqual(expected)
  })

  it.each([
    ['', /Type the charger's address/],
    ['https://10.0.0.7', /plain HTTP/],
    ['10.0.0.7:0', /port must be a number from 1 to 65535/],
    ['10.0.0.7:99999', /port/],
    ['10.0.0.7:abc', /port/],
    ['10.0.0.7; rm -rf /', /not an address or host name/],
    ['$(reboot)', /not an address or host name/],
    ['a b', /not an address or host name/],
    ['[zz::1]:80', /not an IPv6 address/]
  ])('refuses %j', (input, message) => {
    const r = parseChargerTarget(input)
    expect(typeof r).toBe('string')
    expect(r).toMatch(message)
  })

  it('formats with brackets and omits the default port', () => {
    expect(formatTarget({ host: 'fe80::1', port: 80 })).toBe('[fe80::1]')
    expect(formatTarget({ host: 'fe80::1', port: 81 })).toBe('[fe80::1]:81')
    expect(formatTarget({ host: '10.0.0.2', port: 8080 })).toBe('10.0.0.2:8080')
  })
})

describe('addressScope', () => {
  it.each([
    ['10.1.2.3', 'local'],
    ['172.16.0.1', 'local'],
    ['172.31.255.255', 'local'],
    ['172.32.0.1', 'public'],
    ['192.168.4.1', 'local'],
    ['169.254.10.20', 'local'],
    ['127.0.0.1', 'local'],
    ['::1', 'local'],
    ['fd12:3456::1', 'local'],
    ['fe80::1%eth0', 'local'],
    ['::ffff:192.168.1.5', 'local'],
    ['::ffff:8.8.8.8', 'public'],
    ['8.8.8.8', 'public'],
    ['100.64.0.1', 'public'],
    ['2001:db8::1', 'public'],
    ['224.0.0.251', 'forbidden'],
    ['255.255.255.255', 'forbidden'],
    ['0.0.0.0', 'forbidden'],
    ['ff02::fb', 'forbidden'],
    ['not-an-ip', 'forbidden']
  ])('%s is %s', (address, scope) => {
    expect(addressScope(address)).toBe(scope)
  })
})
