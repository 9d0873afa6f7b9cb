import { Permission } from '@hocvu/contracts';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Req,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';

import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, RequirePermission } from '../../common/auth/decorators';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { AmbassadorsService } from './ambassadors.service';
import {
  AmbassadorStatusDto,
  HelpedLearnerListDto,
  RegisterHelpedLearnerDto,
  RegisterHelpedLearnerResultDto,
  SetAmbassadorDto,
} from './dto/ambassador.dto';

const uuid = new ParseUUIDPipe();
const notAmbassador = {
  type: ErrorResponseDto,
  description: 'NOT_AN_AMBASSADOR (a learner without the flag) or FORBIDDEN',
};

/** Digital ambassadors: admins mark them; ambassadors register and follow the learners they help. */
@ApiTags('ambassadors')
@Controller()
export class AmbassadorsController {
  constructor(private readonly ambassadors: AmbassadorsService) {}

  @Put('users/:id/ambassador')
  @RequirePermission(Permission.AmbassadorManage)
  @ApiOperation({ summary: 'Mark a learner as digital ambassador, or unmark them (audited)' })
  @ApiOkResponse({ type: AmbassadorStatusDto })
  @ApiNotFoundResponse({
    type: ErrorResponseDto,
    description: 'USER_NOT_FOUND (also another commune’s user)',
  })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'NOT_A_LEARNER' })
  setAmbassador(
    @Param('id', uuid) id: string,
    @Body() dto: SetAmbassadorDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<AmbassadorStatusDto> {
    return this.ambassadors.setAmbassador(id, dto.ambassador, actor, request.id);
  }

  @Get('me/ambassador/learners')
  @RequirePermission(Permission.AmbassadorHelp)
  @ApiOperation({ summary: 'The learners I help, with their progress (ambassadors only)' })
  @ApiOkResponse({ type: HelpedLearnerListDto })
  @ApiForbiddenResponse(notAmbassador)
  learners(@CurrentUser() actor: AuthUser): Promise<HelpedLearnerListDto> {
    return this.ambassadors.learners(actor);
  }

  @Post('me/ambassador/learners')
  @HttpCode(200)
  @RequirePermission(Permission.AmbassadorHelp)
  @ApiOperation({
    summary: 'Register a learner I help: link the learner of my commune with this phone or id, or create one',
  })
  @ApiOkResponse({ type: RegisterHelpedLearnerResultDto })
  @ApiForbiddenResponse({
    type: ErrorResponseDto,
    description: 'NOT_AN_AMBASSADOR; UNIT_OUT_OF_SCOPE (the ambassador has no commune)',
  })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description:
      'HELPED_LEARNER_UNAVAILABLE (one answer for any account I cannot link: another commune’s, staff, ' +
      'disabled, phone and id of two accounts); LEARNER_HAS_AMBASSADOR (a learner of my commune)',
  })
  register(
    @Body() dto: RegisterHelpedLearnerDto,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<RegisterHelpedLearnerResultDto> {
    return this.ambassadors.register(dto, actor, request.id);
  }

  @Delete('me/ambassador/learners/:learnerId')
  @HttpCode(204)
  @RequirePermission(Permission.AmbassadorHelp)
  @ApiOperation({ summary: 'Stop helping a learner (their account stays)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiForbiddenResponse(notAmbassador)
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'USER_NOT_FOUND (not one of my learners)' })
  unlink(
    @Param('learnerId', uuid) learnerId: string,
    @CurrentUser() actor: AuthUser,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    return this.ambassadors.unlink(learnerId, actor, request.id);
  }
}
