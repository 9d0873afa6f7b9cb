import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Public } from '../../common/auth/decorators';
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
  heartbeat(@Body() body: HeartbeatDto): Promise<HeartbeatResultDto> {
    return this.playback.heartbeat(body);
  }
}
