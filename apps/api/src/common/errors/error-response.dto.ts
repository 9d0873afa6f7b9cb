import { ErrorCode } from '@hocvu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ErrorPayloadDto {
  @ApiProperty({ enum: Object.values(ErrorCode), enumName: 'ErrorCode', example: ErrorCode.ValidationFailed })
  code!: ErrorCode;

  @ApiProperty({ example: 'The request has invalid fields' })
  message!: string;

  @ApiPropertyOptional({
    description:
      'For VALIDATION_FAILED: a list of { field, rules, message }; other codes may carry an object',
  })
  details?: unknown;
}

/** The one error shape of the API. */
export class ErrorResponseDto {
  @ApiProperty({ type: ErrorPayloadDto })
  error!: ErrorPayloadDto;
}
