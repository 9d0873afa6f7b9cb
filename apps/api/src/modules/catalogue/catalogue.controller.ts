import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { Public } from '../../common/auth/decorators';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { CachedResponse, CatalogueService } from './catalogue.service';
import { CataloguePageDto, CatalogueQueryDto, CoursePageDto } from './dto/catalogue.dto';

/** Public and cacheable: browsers and a CDN may keep answers a minute and revalidate with the ETag. */
@ApiTags('catalogue')
@Controller('catalogue')
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get()
  @Public()
  @ApiOkResponse({
    type: CataloguePageDto,
    description: 'Sends ETag; answers 304 to a current If-None-Match',
  })
  async search(
    @Query() query: CatalogueQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(reply, await this.catalogue.search(query, ifNoneMatch));
  }

  @Get(':slug')
  @Public()
  @ApiOkResponse({ type: CoursePageDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'COURSE_NOT_FOUND' })
  async page(
    @Param('slug') slug: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    send(reply, await this.catalogue.page(slug, ifNoneMatch));
  }
}

function send(reply: FastifyReply, response: CachedResponse): void {
  void reply.header('etag', response.etag).header('cache-control', 'public, max-age=60, must-revalidate');
  if (response.body === null) {
    void reply.status(304).send();
    return;
  }
  void reply.header('content-type', 'application/json; charset=utf-8').send(response.body);
}
