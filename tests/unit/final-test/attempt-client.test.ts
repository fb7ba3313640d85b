import { describe, expect, it } from 'vitest';
import { attemptClient } from '../../../src/server/final-test-api';

describe('the key the per-client attempt limit counts under', () => {
  it('keeps an IPv4 address as it is, written plainly or IPv4-mapped', () => {
    expect(attemptClient('192.0.2.7')).toBe('final-test:192.0.2.7');
    expect(attemptClient('::ffff:192.0.2.7')).toBe('final-test:192.0.2.7');
    expect(attemptClient('::FFFF:192.0.2.7')).toBe('final-test:192.0.2.7');
    expect(attemptClient('0:0:0:0:0:ffff:192.0.2.7')).toBe('final-test:192.0.2.7');
    expect(attemptClient('192.0.2.8')).not.toBe(attemptClient('192.0.2.7'));
  });

  it('counts every address of one IPv6 /64 together, however it is written', () => {
    const key = attemptClient('2001:db8:1:2::1');
    expect(key).toBe('final-test:2001:db8:1:2::/64');
    for (const other of ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:0DB8:0001:0002:1234:5678:9abc:def0', '[2001:db8:1:2::99]', 'fe80::1%eth0'.replace('fe80::1', '2001:db8:1:2::5'), '2001:db8:1:2:0:0:192.0.2.1'])
      expect(attemptClient(other), other).toBe(key);
    expect(attemptClient('2001:db8:1:3::1')).not.toBe(key);
    expect(attemptClient('2001:db8::1')).toBe('final-test:2001:db8:0:0::/64');
    expect(attemptClient('::1')).toBe('final-test:0:0:0:0::/64');
  });

  it('keeps anything else apart by its text, and an unknown client as one', () => {
    expect(attemptClient(undefined)).toBe('final-test:unknown');
    expect(attemptClient('')).toBe('final-test:unknown');
    expect(attemptClient('1:2:3')).toBe('final-test:1:2:3');
    expect(attemptClient('1::2::3')).toBe('final-test:1::2::3');
  });
});
