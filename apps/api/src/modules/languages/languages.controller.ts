import { Permission } from '@hocvu/contracts';
import { Body, Controller, Get, Param, Patch, Post, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { FastifyRequest } from 'fastify';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Public, RequirePermission } from '../../common/auth/decorators';
import { Trim } from '../../common/validation/validators';
import { LANGUAGE_CODE } from '../users/dto/user.dto';
import { LanguagesService } from './languages.service';

export class CreateLanguageDto {
  @ApiProperty({ example: 'kjg', description: 'BCP-47 / ISO 639 code, e.g. kjg (Khmu)' })
  @Matches(LANGUAGE_CODE, { message: 'code must be a language code such as blt, hmn or kjg' })
  code!: string;

  @ApiProperty({ example: 'Khơ Mú' })
  @Trim()
  @IsString()
  @Length(1, 80)
  name!: string;
}

export class UpdateLanguageDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 80)
  name?: string;

  @ApiPropertyOptional({ description: 'A disabled language can no longer be used in new texts' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class LanguageDto {
  @ApiProperty({ example: 'blt' }) code!: string;
  @ApiProperty({ example: 'Tai Dam (Thái Đen)' }) name!: string;
  @ApiProperty() enabled!: boolean;
}

@ApiTags('languages')
@Controller('languages')
export class LanguagesController {
  constructor(private readonly languages: LanguagesService) {}

  /** Content languages (course texts may be written in these); the portal's UI languages are vi and en. */
  @Get()
  @Public()
  @ApiOkResponse({ type: [LanguageDto] })
  async list(): Promise<LanguageDto[]> {
    return (await this.languages.list()).map(({ code, name, enabled }) => ({ code, name, enabled }));
  }

  @Post()
  @RequirePermission(Permission.LanguageManage)
  @ApiCreatedResponse({ type: LanguageDto })
  create(
    @Body() dto: CreateLanguageDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<LanguageDto> {
    return this.languages.create(dto.code, dto.name, actor, request.id);
  }

  @Patch(':code')
  @RequirePermission(Permission.LanguageManage)
  @ApiOkResponse({ type: LanguageDto })
  update(
    @Param('code') code: string,
    @Body() dto: UpdateLanguageDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<LanguageDto> {
    return this.languages.update(code, dto, actor, request.id);
  }
}
