import schema from '../../../schema/record.schema.json';
import { DATA_TYPE_LEXICON } from '../../../src/extract/breach/data-type-lexicon';
import { DATA_TYPES } from '../../../src/types';

describe('the data-type taxonomy', () => {
  it('is the same closed set in the published schema and in the code', () => {
    expect([...schema.$defs.dataType.enum].sort()).toEqual([...DATA_TYPES].sort());
  });

  it('is the only set of types the lexicon maps phrases to', () => {
    const mapped = new Set(DATA_TYPE_LEXICON.flatMap((e) => e.types));
    for (const type of mapped) expect(DATA_TYPES).toContain(type);
  });
});
