import { generatedCitizen, VNEID_TEST_CITIZENS } from '@hocvu/attestation/testing';

import { CitizenRegistry, subjectOf } from './citizen-registry';

describe('CitizenRegistry', () => {
  const registry = new CitizenRegistry('vneid2026');
  const [thang] = VNEID_TEST_CITIZENS;
  if (!thang) throw new Error('no test citizens');

  it('seeds eight Điện Biên citizens with 12-digit ids that match their birth year and gender', () => {
    expect(registry.all).toHaveLength(8);
    expect(new Set(registry.all.map((citizen) => citizen.identificationLevel))).toEqual(new Set([1, 2]));
    for (const citizen of registry.all) {
      expect(citizen.citizenId).toMatch(/^011\d{9}$/);
      const [year] = citizen.birthDate.split('-');
      const centuryAndGender = Number(citizen.citizenId[3]);
      expect(centuryAndGender % 2 === 1 ? 'female' : 'male').toBe(citizen.gender);
      expect(`${centuryAndGender < 2 ? 19 : 20}${citizen.citizenId.slice(4, 6)}`).toBe(year);
    }
  });

  it('signs in with the citizen id and the demo password only', () => {
    expect(registry.authenticate(thang.citizenId, 'vneid2026')?.fullName).toBe('Lò Văn Thắng');
    expect(registry.authenticate(thang.citizenId, 'wrong')).toBeUndefined();
    expect(registry.authenticate('011000000000', 'vneid2026')).toBeUndefined();
  });

  it('gives every citizen a stable opaque subject', () => {
    expect(registry.findBySubject(subjectOf(thang.citizenId))?.citizenId).toBe(thang.citizenId);
    expect(subjectOf(thang.citizenId)).not.toContain(thang.citizenId);
  });

  it('checks records against the register', () => {
    const record = { citizenId: thang.citizenId, fullName: thang.fullName, birthDate: thang.birthDate };
    expect(registry.check(record)).toEqual({ ok: true });
    expect(registry.check({ ...record, fullName: ' lò  văn THẮNG '.normalize('NFD') })).toEqual({ ok: true });
    expect(registry.check({ ...record, fullName: 'Lo Van Thang' })).toEqual({
      ok: false,
      reason: 'data_mismatch',
      fields: ['fullName'],
    });
    expect(registry.check({ ...record, birthDate: '1968-03-15' })).toEqual({
      ok: false,
      reason: 'data_mismatch',
      fields: ['birthDate'],
    });
    expect(registry.check({ ...record, citizenId: '011000000000' })).toEqual({
      ok: false,
      reason: 'unknown_citizen',
    });
  });
});

describe('generated citizens (load tests)', () => {
  it('can be attested but are not listed on the login page', () => {
    const registry = new CitizenRegistry('vneid2026', undefined, 1000);
    const citizen = generatedCitizen(999);
    expect(registry.check(citizen)).toEqual({ ok: true });
    expect(registry.check({ ...citizen, fullName: 'Ai Đó' })).toMatchObject({ reason: 'data_mismatch' });
    expect(registry.check(generatedCitizen(1000))).toEqual({ ok: false, reason: 'unknown_citizen' });
    expect(registry.all).toHaveLength(VNEID_TEST_CITIZENS.length);
  });

  it('are derived from their index alone: 12-digit ids, real dates, Vietnamese names', () => {
    expect(generatedCitizen(42)).toEqual(generatedCitizen(42));
    for (const index of [0, 1, 27, 28, 335, 999_999]) {
      const citizen = generatedCitizen(index);
      expect(citizen.citizenId).toMatch(/^011190\d{6}$/);
      expect(Number.isNaN(Date.parse(citizen.birthDate))).toBe(false);
    }
    expect(new Set(Array.from({ length: 500 }, (_, i) => generatedCitizen(i).citizenId)).size).toBe(500);
    expect(() => generatedCitizen(1_000_000)).toThrow(RangeError);
  });
});
