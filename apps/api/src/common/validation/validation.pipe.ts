import { FieldError } from '@hocvu/contracts';
import { ValidationError, ValidationPipe } from '@nestjs/common';

import { AppError } from '../errors/app-error';

/** DTO validation at the edge: unknown fields rejected, every bad field listed with its rules. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => AppError.validation(flattenValidationErrors(errors)),
  });
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const fields: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      const rules = Object.keys(error.constraints).map((rule) =>
        rule === 'whitelistValidation' ? 'unknownField' : rule,
      );
      fields.push({ field, rules, message: Object.values(error.constraints).join('; ') });
    }
    if (error.children?.length) fields.push(...flattenValidationErrors(error.children, field));
  }
  return fields;
}
