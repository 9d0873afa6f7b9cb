import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';

import { Public } from '../../common/auth/decorators';
import { LanguagesService } from './languages.service';

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
}
