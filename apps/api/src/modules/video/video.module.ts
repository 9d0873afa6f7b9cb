import { Module } from '@nestjs/common';

import { ApiConfig } from '../../config/api-config';
import { AuditModule } from '../audit/audit.module';
import { HeartbeatController } from './heartbeat.controller';
import { HeartbeatWriter } from './heartbeat-writer';
import { MediaController } from './media.controller';
import { MediaSigner } from './media-signer';
import { createTusServer, TUS_SERVER } from './tus-server';
import { UploadJanitor } from './upload-janitor';
import { VideoPlaybackService } from './video-playback.service';
import { VideoStudioController, VideoUploadController } from './video-studio.controller';
import { VideoStudioService } from './video-studio.service';

@Module({
  imports: [AuditModule],
  controllers: [VideoUploadController, VideoStudioController, MediaController, HeartbeatController],
  providers: [
    { provide: TUS_SERVER, inject: [ApiConfig], useFactory: createTusServer },
    MediaSigner,
    VideoStudioService,
    VideoPlaybackService,
    HeartbeatWriter,
    UploadJanitor,
  ],
  exports: [VideoStudioService, VideoPlaybackService],
})
export class VideoModule {}
