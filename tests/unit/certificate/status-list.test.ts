import { Bitstring } from '@digitalbazaar/bitstring';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bitAt, bitsWith, decodeStatusList, encodeStatusList, MAX_STATUS_LIST_BYTES, positionOf, STATUS_LIST_LENGTH } from '../../../src/lib/certificate/status-list';

// The W3C Bitstring Status List v1.0 example list (§2.2, Example 2): 131,072 bits, none set.
const W3C_EXAMPLE = 'uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA';

describe('the bitstring status list codec', () => {
  it('decodes the W3C example to 131,072 bits, none set', async () => {
    const bits = await decodeStatusList(W3C_EXAMPLE);
    expect(bits?.length).toBe(STATUS_LIST_LENGTH / 8);
    expect(bits!.every((b) => b === 0)).toBe(true);
  });

  it('sets bit 0 as the left-most bit of the first byte, as the spec and another implementation read it', async () => {
    const set = [0, 1, 9, 4242, STATUS_LIST_LENGTH - 1];
    const encoded = await encodeStatusList(bitsWith(set));
    expect(encoded.startsWith('u')).toBe(true);
    expect(bitsWith([0])[0]).toBe(0b1000_0000);
    // Digital Bazaar's bitstring (used by their vc-bitstring-status-list) decodes our list to the same bits…
    const theirs = new Bitstring({ buffer: await Bitstring.decodeBits({ encoded: encoded.slice(1) }) });
    for (const i of [...set, 2, 8, 4241, 4243]) expect(theirs.get(i), `bit ${i}`).toBe(set.includes(i));
    // …and we decode theirs.
    const other = new Bitstring({ length: STATUS_LIST_LENGTH });
    for (const i of set) other.set(i, true);
    const ours = await decodeStatusList(`u${await other.encodeBits()}`);
    for (const i of [...set, 2, 8]) expect(bitAt(ours!, i), `bit ${i}`).toBe(set.includes(i));
  });

  it('round-trips any set of indexes', async () => {
    const set = Array.from({ length: 300 }, (_, i) => (i * 7919) % STATUS_LIST_LENGTH);
    const bits = (await decodeStatusList(await encodeStatusList(bitsWith(set))))!;
    const back = [...Array(STATUS_LIST_LENGTH).keys()].filter((i) => bitAt(bits, i));
    expect(back).toEqual([...new Set(set)].sort((a, b) => a - b));
  });

  it('refuses what is not a list: no multibase prefix, not base64url, not GZIP, or inflating past the cap', async () => {
    expect(await decodeStatusList(W3C_EXAMPLE.slice(1))).toBeUndefined();
    expect(await decodeStatusList('u!!!')).toBeUndefined();
    expect(await decodeStatusList(`u${Buffer.from('not gzip').toString('base64url')}`)).toBeUndefined();
    expect(await decodeStatusList(42)).toBeUndefined();
    const bomb = `u${gzipSync(Buffer.alloc(MAX_STATUS_LIST_BYTES + 1)).toString('base64url')}`;
    expect(await decodeStatusList(bomb)).toBeUndefined();
  });

  it('places a register-wide index in list 1, 2, … with its index inside', () => {
    expect(positionOf(0)).toEqual({ list: 1, index: 0 });
    expect(positionOf(STATUS_LIST_LENGTH - 1)).toEqual({ list: 1, index: STATUS_LIST_LENGTH - 1 });
    expect(positionOf(STATUS_LIST_LENGTH + 5)).toEqual({ list: 2, index: 5 });
  });
});
