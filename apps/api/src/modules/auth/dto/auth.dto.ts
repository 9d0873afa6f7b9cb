import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';

import { Trim } from '../../../common/validation/validators';
import { AccountFieldsDto, UserProfileDto } from '../../users/dto/user.dto';

export class RegisterDto extends AccountFieldsDto {}

export class LoginDto {
  @ApiProperty({ description: 'Phone number (any Vietnamese format) or email', example: '0912 345 678' })
  @Trim()
  @IsString()
  @Length(3, 254)
  identifier!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 256)
  @MaxLength(256)
  password!: string;
}

/** Returned on sign-up, sign-in and refresh; the refresh token travels only in the httpOnly cookie. */
export class SessionDto {
  @ApiProperty({ description: 'Bearer token for the Authorization header; keep it in memory only' })
  accessToken!: string;

  @ApiProperty({ description: 'Seconds until the access token expires', example: 900 })
  expiresIn!: number;

  @ApiProperty({ type: UserProfileDto })
  user!: UserProfileDto;
}
