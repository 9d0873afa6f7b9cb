import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';

import { Public } from '../../common/auth/decorators';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';
import { HeartbeatDto, HeartbeatResultDto } from './dto/video.dto';
import { VideoPlaybackService } from './video-playback.service';

/**
 * Heartbeats from the video player. Authorised by the signed playback token in the body rather
 * than a bearer header, so the player can also send its last heartbeat with navigator.sendBeacon
 * when the page is closed.
 */
@ApiTags('learning')
@Controller('learn/heartbeats')
export class HeartbeatController {
  constructor(private readonly playback: VideoPlaybackService) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Report intervals of a video actually played; idempotent' })
  @ApiOkResponse({ type: HeartbeatResultDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED or HEARTBEAT_INVALID' })
  @ApiForbiddenResponse({ type: ErrorResponseDto, description: 'PLAYBACK_TOKEN_INVALID: reopen the lesson' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto, description: 'HEARTBEAT_TOO_FAST' })
  @ApiServiceUnavailableResponse({
    type: ErrorResponseDto,
    description: 'not saved; send the intervals again',
  })
  heartbeat(@Body() body: HeartbeatDto): Promise<HeartbeatResultDto> {
    return this.playback.heartbeat(body);
  }
}
