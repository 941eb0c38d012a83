import { InvalidTokenError, principalFromClaims } from './principal';

describe('principalFromClaims', () => {
  it('reads subject, role and projects', () => {
    expect(principalFromClaims({ sub: 'u-1', role: 'caseworker', projects: ['22-015-S01'], name: 'Anna' })).toEqual({
      subject: 'u-1',
      role: 'caseworker',
      projects: ['22-015-S01'],
    });
  });

  it('takes a token without projects as one for no project', () => {
    expect(principalFromClaims({ sub: 'u-1', role: 'admin' }).projects).toEqual([]);
  });

  it.each([
    [{ role: 'admin' }, /no subject/],
    [{ sub: '', role: 'admin' }, /no subject/],
    [{ sub: 'u-1', role: 'superuser' }, /role must be one of/],
    [{ sub: 'u-1' }, /role must be one of/],
    [{ sub: 'u-1', role: 'funder', projects: '22-015-S01' }, /projects must be a list/],
    [{ sub: 'u-1', role: 'funder', projects: [1] }, /projects must be a list/],
  ])('refuses %j', (claims, reason) => {
    expect(() => principalFromClaims(claims)).toThrow(InvalidTokenError);
    expect(() => principalFromClaims(claims)).toThrow(reason);
  });
});
