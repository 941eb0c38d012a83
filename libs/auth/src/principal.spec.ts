import { InvalidTokenError, principalFromClaims, UnknownRoleError } from './principal';

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

  it('reads the role and projects from configured claims, nested or in a list of the provider\'s roles', () => {
    const names = { role: 'realm_access.roles', projects: 'pathway_projects' };
    const claims = { sub: 'u-2', realm_access: { roles: ['offline_access', 'evaluator'] }, pathway_projects: ['P-1'], role: 'admin' };
    expect(principalFromClaims(claims, names)).toEqual({ subject: 'u-2', role: 'evaluator', projects: ['P-1'] });
    expect(() => principalFromClaims({ ...claims, realm_access: { roles: ['evaluator', 'admin'] } }, names)).toThrow(UnknownRoleError);
    expect(() => principalFromClaims({ ...claims, realm_access: 'evaluator,admin' }, names)).toThrow(UnknownRoleError);
    expect(() => principalFromClaims({ sub: 'u-2', role: 'admin' }, names)).toThrow(UnknownRoleError);
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
