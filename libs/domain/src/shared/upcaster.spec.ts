import { EventSchemas, upcast } from './upcaster';

describe('upcast', () => {
  const schemas: EventSchemas = {
    currentVersions: { JobPlaced: 3 },
    upcasters: {
      JobPlaced: {
        1: ({ hours, ...rest }) => ({ ...rest, hoursPerWeek: hours }),
        2: (data) => ({ ...data, contract: data.contract ?? 'temporary' }),
      },
    },
  };

  it('chains every step from the stored version to the current one', () => {
    expect(upcast(schemas, 'JobPlaced', 1, { hours: 20 })).toEqual({ hoursPerWeek: 20, contract: 'temporary' });
    expect(upcast(schemas, 'JobPlaced', 2, { hoursPerWeek: 20, contract: 'permanent' })).toEqual({
      hoursPerWeek: 20,
      contract: 'permanent',
    });
  });

  it('leaves current events and unlisted types alone', () => {
    const data = { hoursPerWeek: 10, contract: 'permanent' };
    expect(upcast(schemas, 'JobPlaced', 3, data)).toBe(data);
    expect(upcast(schemas, 'SchoolCompleted', 1, data)).toBe(data);
  });

  it('fails loudly when a step is missing', () => {
    expect(() => upcast({ currentVersions: { X: 2 }, upcasters: {} }, 'X', 1, {})).toThrow(
      'No upcaster for X from schema version 1',
    );
  });
});
