import type { UserProfile } from '../../app/auth/session-store';
import type { UpdateProfileBody } from './api/profile-api';

/**
 * The inclusion questions' pure parts: the ethnic groups offered (the most common in Điện Biên, by
 * their official names; anything else is written in), and the form's values to and from the profile.
 */
export const ETHNIC_GROUPS = [
  'Thái',
  'Kinh',
  'Mông',
  'Khơ Mú',
  'Dao',
  'Hà Nhì',
  'Lào',
  'Cống',
  'Si La',
  'Phù Lá',
  'Lự',
  'Hoa',
  'Sinh Mun',
  'Kháng',
] as const;

/** The API keeps at most 40 characters of an ethnic group or household id. */
export const INCLUSION_TEXT_MAX_LENGTH = 40;

export type DisabilityAnswer = 'yes' | 'no' | 'unsaid';
/** A listed group, `other` (written in), or '' (not answered). */
export type EthnicChoice = (typeof ETHNIC_GROUPS)[number] | 'other' | '';

export interface InclusionValues {
  villageId: string;
  consent: boolean;
  disability: DisabilityAnswer;
  ethnicChoice: EthnicChoice;
  ethnicOther: string;
  householdId: string;
}

function isListed(value: string): value is (typeof ETHNIC_GROUPS)[number] {
  return (ETHNIC_GROUPS as readonly string[]).includes(value);
}

export function inclusionValuesOf(user: UserProfile): InclusionValues {
  const inclusion = user.inclusion;
  const ethnic = inclusion?.ethnicGroup ?? '';
  return {
    villageId: user.village?.id ?? '',
    consent: inclusion !== null,
    disability: inclusion?.disability === true ? 'yes' : inclusion?.disability === false ? 'no' : 'unsaid',
    ethnicChoice: ethnic === '' ? '' : isListed(ethnic) ? ethnic : 'other',
    ethnicOther: ethnic !== '' && !isListed(ethnic) ? ethnic : '',
    householdId: inclusion?.householdId ?? '',
  };
}

/** Problems found before sending: field → rule names (shown by the form). */
export function checkInclusion(values: InclusionValues): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  if (!values.consent) return problems;
  if (values.ethnicChoice === 'other') {
    const text = values.ethnicOther.trim();
    if (text === '') problems['ethnicOther'] = ['required'];
    else if (text.length > INCLUSION_TEXT_MAX_LENGTH) problems['ethnicOther'] = ['length'];
  }
  if (values.householdId.trim().length > INCLUSION_TEXT_MAX_LENGTH) problems['householdId'] = ['length'];
  return problems;
}

/**
 * The PATCH /api/me body. With consent every answer is sent (an empty one as null, so it is erased);
 * without it, `consent: false` only when the learner had consented — the API then erases all three.
 */
export function inclusionBody(values: InclusionValues, hadConsent: boolean): UpdateProfileBody {
  const village = { villageId: values.villageId === '' ? null : values.villageId };
  if (!values.consent) return hadConsent ? { ...village, inclusion: { consent: false } } : village;
  const ethnicGroup =
    values.ethnicChoice === 'other' ? values.ethnicOther.trim() : values.ethnicChoice || null;
  return {
    ...village,
    inclusion: {
      consent: true,
      disability: values.disability === 'yes' ? true : values.disability === 'no' ? false : null,
      ethnicGroup: ethnicGroup || null,
      householdId: values.householdId.trim() || null,
    },
  };
}
