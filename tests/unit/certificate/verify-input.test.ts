import { describe, expect, it } from 'vitest';
import { MAX_CERTIFICATE_BYTES } from '../../../src/lib/certificate/verify-certificate';
import { fileItem, pastedItems } from '../../../src/lib/certificate/verify-input';

describe('what the verify page checks', () => {
  it('splits pasted certificates on any white space and numbers them when there are several', () => {
    expect(pastedItems('  aaa.bbb.ccc\n\n ddd.eee.fff\t', 'Ielīmēts')).toEqual([
      { text: 'aaa.bbb.ccc', source: 'Ielīmēts 1' },
      { text: 'ddd.eee.fff', source: 'Ielīmēts 2' },
    ]);
    expect(pastedItems('aaa.bbb.ccc', 'Pasted')).toEqual([{ text: 'aaa.bbb.ccc', source: 'Pasted' }]);
    expect(pastedItems('   ', 'Pasted')).toEqual([]);
  });

  it('keeps a pasted JSON record whole, spaces and all', () => {
    const record = '{ "name": "Anna Bērziņa",\n  "course": "x" }';
    expect(pastedItems(record, 'Pasted')).toEqual([{ text: record, source: 'Pasted' }]);
  });

  it('marks an oversized paste or file as too large instead of reading it', async () => {
    expect(pastedItems('x'.repeat(MAX_CERTIFICATE_BYTES + 1), 'Pasted')).toEqual([{ oversized: true, source: 'Pasted' }]);
    const big = { name: 'big.jwt', webkitRelativePath: '', size: MAX_CERTIFICATE_BYTES + 1, text: () => Promise.reject(new Error('not read')) };
    expect(await fileItem(big)).toEqual({ oversized: true, source: 'big.jwt' });
  });

  it('names a file by its folder path and gives an unreadable file its own item', async () => {
    expect(await fileItem({ name: 'a.jwt', webkitRelativePath: 'dir/a.jwt', size: 3, text: () => Promise.resolve('abc') })).toEqual({ text: 'abc', source: 'dir/a.jwt' });
    expect(await fileItem({ name: 'b.jwt', webkitRelativePath: '', size: 3, text: () => Promise.reject(new Error('gone')) })).toEqual({ unreadable: true, source: 'b.jwt' });
  });
});
