import { normaliseVietnamesePhone, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@hocvu/contracts';
import { Transform } from 'class-transformer';
import {
  MaxLength,
  MinLength,
  registerDecorator,
  ValidationArguments,
  ValidationOptions,
} from 'class-validator';

/**
 * Password policy as separate rules (`minLength`, `maxLength`, `letter`, `digit`) so a weak password
 * is answered with the list of rules it breaks — the same rules the portal checks as you type.
 */
export function IsAcceptablePassword(): PropertyDecorator {
  return (target, key) => {
    MinLength(PASSWORD_MIN_LENGTH, {
      message: `$property must be at least ${PASSWORD_MIN_LENGTH} characters`,
    })(target, key);
    MaxLength(PASSWORD_MAX_LENGTH, {
      message: `$property must be at most ${PASSWORD_MAX_LENGTH} characters`,
    })(target, key);
    namedRule(
      'letter',
      (value) => typeof value === 'string' && /\p{L}/u.test(value),
      'must contain a letter',
    )(target, key);
    namedRule(
      'digit',
      (value) => typeof value === 'string' && /\d/.test(value),
      'must contain a digit',
    )(target, key);
  };
}

/** Normalises any Vietnamese mobile format to +84…; anything else fails with rule `phoneNumber`. */
export function IsVietnamesePhone(): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? (normaliseVietnamesePhone(value) ?? value) : value,
    )(target, key);
    namedRule(
      'phoneNumber',
      (value) => typeof value === 'string' && /^\+84[35789]\d{8}$/.test(value),
      'must be a Vietnamese mobile number such as 0912 345 678',
    )(target, key);
  };
}

/** A calendar date YYYY-MM-DD between 1900-01-01 and today. */
export function IsBirthDate(): PropertyDecorator {
  return namedRule(
    'birthDate',
    (value) => {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
      const date = new Date(`${value}T00:00:00Z`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return false;
      return value >= '1900-01-01' && date.getTime() <= Date.now();
    },
    'must be a date YYYY-MM-DD in the past',
  );
}

/** Trims strings; an all-blank string becomes empty so length rules catch it. */
export function Trim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
}

export function LowerCaseTrim(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() : value,
  );
}

function namedRule(
  name: string,
  test: (value: unknown) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `$property ${message}`, ...options },
      validator: { validate: test },
    });
  };
}

/**
 * A `{ languageCode: text }` object: codes look like BCP-47 codes, texts are trimmed strings of
 * 1..maxLength characters (an empty text is dropped), and with `requireVi` Vietnamese must be present.
 * Whether each code is an enabled content language is checked by the service (UNKNOWN_LANGUAGE).
 */
export function IsLocalizedText(options: { maxLength: number; requireVi?: boolean }): PropertyDecorator {
  return (target, key) => {
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
      const entries = Object.entries(value as Record<string, unknown>).map(
        ([code, text]): [string, unknown] => [code, typeof text === 'string' ? text.trim() : text],
      );
      return Object.fromEntries(entries.filter(([, text]) => text !== '')) as Record<string, unknown>;
    })(target, key);
    namedRule(
      'localizedText',
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(value as Record<string, unknown>).every(
          ([code, text]) =>
            /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(code) &&
            typeof text === 'string' &&
            text.length <= options.maxLength,
        ),
      `must map language codes to texts of at most ${options.maxLength} characters`,
    )(target, key);
    if (options.requireVi) {
      namedRule(
        'vietnameseRequired',
        (value) =>
          typeof value === 'object' &&
          value !== null &&
          typeof (value as Record<string, unknown>)['vi'] === 'string' &&
          ((value as Record<string, string>)['vi'] ?? '').length > 0,
        'must have a Vietnamese (vi) text',
      )(target, key);
    }
  };
}

/** One of two alternative fields (a file as text or as a workbook): this one must come without the other. */
export function NotTogetherWith(other: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'notTogetherWith',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [other],
      options: { message: `send either $property or ${other}, not both` },
      validator: {
        validate: (_value: unknown, args: ValidationArguments) =>
          (args.object as Record<string, unknown>)[other] === undefined,
      },
    });
}
