import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/csv.js';

describe('parseCsv', () => {
  it('parses quoted commas, quotes and line breaks, up to a limit', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n"two\nlines",3\n4,5', 3)).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', '3'],
    ]);
  });

  it('reads every row without a limit, the last without a line break too', () => {
    expect(parseCsv('a,b\n1,2\n"3",""\n\n5,6')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', ''],
      [''],
      ['5', '6'],
    ]);
  });
});
