import { Permission } from '@hocvu/contracts';
import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators';
import { QuizStatsDto } from './dto/quiz-stats.dto';
import { QuizStatsService } from './quiz-stats.service';

const uuid = new ParseUUIDPipe();

@ApiTags('studio')
@Controller('studio')
@RequirePermission(Permission.CourseAuthor)
export class QuizStatsController {
  constructor(private readonly stats: QuizStatsService) {}

  @Get('lessons/:id/quiz-stats')
  @ApiOkResponse({ type: QuizStatsDto })
  get(@Param('id', uuid) id: string, @CurrentUser() actor: AuthUser): Promise<QuizStatsDto> {
    return this.stats.stats(id, actor);
  }
}
