import { describe, expect, it } from '@jest/globals';

import type { UserProfile } from '../../app/auth/session-store';
import { checkInclusion, inclusionBody, inclusionValuesOf } from './inclusion';

const user = (overrides: Partial<UserProfile>): UserProfile =>
  ({ inclusion: null, village: null, ...overrides }) as UserProfile;

describe('inclusion questions (profile)', () => {
  it('fills the form from the profile: listed groups selected, others written in', () => {
    const given = inclusionValuesOf(
      user({
        village: { id: 'v1', name: 'Bản Co Củ' },
        inclusion: {
          consentedAt: '2026-01-01T00:00:00Z',
          disability: false,
          ethnicGroup: 'Thái',
          householdId: 'HB-1',
        },
      }),
    );
    expect(given).toEqual({
      villageId: 'v1',
      consent: true,
      disability: 'no',
      ethnicChoice: 'Thái',
      ethnicOther: '',
      householdId: 'HB-1',
    });
    const other = inclusionValuesOf(
      user({
        inclusion: {
          consentedAt: '2026-01-01T00:00:00Z',
          disability: null,
          ethnicGroup: 'Giáy',
          householdId: null,
        },
      }),
    );
    expect(other).toMatchObject({
      consent: true,
      disability: 'unsaid',
      ethnicChoice: 'other',
      ethnicOther: 'Giáy',
    });
    expect(inclusionValuesOf(user({}))).toMatchObject({ consent: false, villageId: '', ethnicChoice: '' });
  });

  it('sends every answer with consent (empty ones as null), a withdrawal only when there was consent', () => {
    const values = {
      villageId: '',
      consent: true,
      disability: 'yes' as const,
      ethnicChoice: 'other' as const,
      ethnicOther: '  Giáy ',
      householdId: ' ',
    };
    expect(inclusionBody(values, false)).toEqual({
      villageId: null,
      inclusion: { consent: true, disability: true, ethnicGroup: 'Giáy', householdId: null },
    });
    const withdrawn = { ...values, consent: false, villageId: 'v1' };
    expect(inclusionBody(withdrawn, true)).toEqual({ villageId: 'v1', inclusion: { consent: false } });
    expect(inclusionBody(withdrawn, false)).toEqual({ villageId: 'v1' });
  });

  it('asks for the written-in group and keeps answers within 40 characters, only with consent', () => {
    const base = {
      villageId: '',
      consent: true,
      disability: 'unsaid' as const,
      ethnicChoice: 'other' as const,
      ethnicOther: '',
      householdId: 'x'.repeat(41),
    };
    expect(checkInclusion(base)).toEqual({ ethnicOther: ['required'], householdId: ['length'] });
    expect(checkInclusion({ ...base, ethnicOther: 'y'.repeat(41), householdId: 'HB-1' })).toEqual({
      ethnicOther: ['length'],
    });
    expect(checkInclusion({ ...base, consent: false })).toEqual({});
  });
});
