import type { CompletionRecord } from '@hocvu/attestation';
import { generatedCitizen, type TestCitizen, VNEID_TEST_CITIZENS } from '@hocvu/attestation/testing';
import { createHash, timingSafeEqual } from 'node:crypto';

export interface Citizen extends TestCitizen {
  /** OpenID Connect `sub`: stable and opaque, so tokens do not carry the citizen id unless asked (scope citizen). */
  subject: string;
}

export type RecordCheck =
  | { ok: true }
  | { ok: false; reason: 'unknown_citizen' }
  | { ok: false; reason: 'data_mismatch'; fields: ('fullName' | 'birthDate')[] };

/**
 * The simulator's population register: the seeded test citizens (the same list other apps' tests
 * import from @hocvu/attestation/testing), looked up for sign-in and for checking attestations.
 */
export class CitizenRegistry {
  private readonly byCitizenId = new Map<string, Citizen>();
  private readonly bySubject = new Map<string, Citizen>();

  private readonly listed: Citizen[] = [];

  /**
   * @param generated made-up citizens for load tests (`generatedCitizen(0…n-1)`): they can sign in and
   *   be attested like the others, but the login page does not list them.
   */
  constructor(
    private readonly password: string,
    citizens: readonly TestCitizen[] = VNEID_TEST_CITIZENS,
    generated = 0,
  ) {
    for (const citizen of citizens) this.listed.push(this.add(citizen));
    for (let index = 0; index < generated; index += 1) this.add(generatedCitizen(index));
  }

  /** The citizens the login page lists (not the generated ones). */
  get all(): Citizen[] {
    return [...this.listed];
  }

  private add(citizen: TestCitizen): Citizen {
    const entry = { ...citizen, subject: subjectOf(citizen.citizenId) };
    this.byCitizenId.set(citizen.citizenId, entry);
    this.bySubject.set(entry.subject, entry);
    return entry;
  }

  findBySubject(subject: string): Citizen | undefined {
    return this.bySubject.get(subject);
  }

  /** The citizen these credentials sign in, if any (one demo password for all). */
  authenticate(citizenId: string, password: string): Citizen | undefined {
    const citizen = this.byCitizenId.get(citizenId.replace(/\s/g, ''));
    const given = createHash('sha256').update(password).digest();
    const expected = createHash('sha256').update(this.password).digest();
    return citizen && timingSafeEqual(given, expected) ? citizen : undefined;
  }

  /**
   * Does the record describe a registered citizen? Names compare as people write them: Unicode NFC,
   * spaces collapsed, case ignored — but diacritics count ("Thắng" is not "Thang").
   */
  check(record: Pick<CompletionRecord, 'citizenId' | 'fullName' | 'birthDate'>): RecordCheck {
    const citizen = this.byCitizenId.get(record.citizenId);
    if (!citizen) return { ok: false, reason: 'unknown_citizen' };
    const fields: ('fullName' | 'birthDate')[] = [];
    if (comparableName(record.fullName) !== comparableName(citizen.fullName)) fields.push('fullName');
    if (record.birthDate !== citizen.birthDate) fields.push('birthDate');
    return fields.length === 0 ? { ok: true } : { ok: false, reason: 'data_mismatch', fields };
  }
}

/** `sub` of a citizen id: derived, so it is the same on every start and in every test. */
export function subjectOf(citizenId: string): string {
  return `vnid-${createHash('sha256').update(`vneid-sim:${citizenId}`).digest('base64url').slice(0, 22)}`;
}

function comparableName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}
