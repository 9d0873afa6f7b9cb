import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class VneidStartDto {
  @ApiPropertyOptional({
    example: '/courses',
    description: 'Portal path to return to after VNeID (same site only)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  // A path on this site: "/x", never "//host" or a full URL (no open redirect).
  @Matches(/^\/(?!\/)[^\s\\]*$/, { message: 'must be a path on this site, such as /courses' })
  returnTo?: string;
}

export class VneidRedirectDto {
  @ApiProperty({
    example: 'http://127.0.0.1:3400/auth?client_id=hocvu-portal&…',
    description: 'Where the browser goes next: the VNeID sign-in page',
  })
  authorizationUrl!: string;
}
