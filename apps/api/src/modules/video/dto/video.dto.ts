import { CAPTION_MAX_BYTES, VideoStatus } from '@hocvu/contracts';
import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsNumber,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';

const VIDEO_STATUSES = Object.values(VideoStatus);

export class FinishUploadDto {
  @ApiProperty({
    description: 'The tus upload id (last segment of the upload URL)',
    example: 'a1b2…_9f8e7d6c5b4a3f2e',
  })
  @IsString()
  @Matches(/^[0-9a-f-]{36}_[0-9a-f]{16}$/, { message: 'must be an upload id from this API' })
  uploadId!: string;
}

export class VideoRungDto {
  @ApiProperty({ example: '360p' }) name!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'null for the audio-only rung' }) height!:
    number | null;
}

export class CaptionInfoDto {
  @ApiProperty({ example: 'vi' }) language!: string;
  @ApiProperty() cueCount!: number;
  @ApiProperty({ description: 'Signed URL of the WebVTT file (preview, download)' }) url!: string;
}

export class StudioVideoDto {
  @ApiProperty({ format: 'uuid' }) assetId!: string;
  @ApiProperty({ enum: VIDEO_STATUSES, enumName: 'VideoStatus' }) status!: VideoStatus;
  @ApiProperty({ type: Number, nullable: true }) progressPercent!: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the video was rejected, e.g. VIDEO_TOO_LONG',
  })
  errorCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) errorMessage!: string | null;
  @ApiProperty() originalFilename!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ type: Number, nullable: true }) durationSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true }) width!: number | null;
  @ApiProperty({ type: Number, nullable: true }) height!: number | null;
  @ApiProperty({ type: [VideoRungDto] }) rungs!: VideoRungDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Signed master playlist URL, when ready (preview)',
  })
  masterUrl!: string | null;
  @ApiProperty({ type: String, nullable: true }) posterUrl!: string | null;
}

export class StudioLessonVideoDto {
  @ApiProperty({ type: StudioVideoDto, nullable: true, description: 'The latest upload; null before any' })
  video!: StudioVideoDto | null;
  @ApiProperty({ type: [CaptionInfoDto] }) captions!: CaptionInfoDto[];
}

export class PutCaptionDto {
  @ApiProperty({ description: 'WebVTT file content', maxLength: CAPTION_MAX_BYTES })
  @IsString()
  @MinLength(6)
  @MaxLength(CAPTION_MAX_BYTES)
  vtt!: string;
}

export class CaptionTrackDto {
  @ApiProperty({ example: 'vi' }) language!: string;
  @ApiProperty({ example: 'Tiếng Việt' }) label!: string;
  @ApiProperty() url!: string;
}

export class LessonVideoDto {
  @ApiProperty() masterUrl!: string;
  @ApiProperty({ type: String, nullable: true }) posterUrl!: string | null;
  @ApiProperty() durationSeconds!: number;
  @ApiProperty({ type: [VideoRungDto] }) rungs!: VideoRungDto[];
  @ApiProperty({ type: [CaptionTrackDto] }) captions!: CaptionTrackDto[];
  @ApiProperty({ description: 'Send with every heartbeat (works with navigator.sendBeacon)' })
  playbackToken!: string;
  @ApiProperty({ description: 'Where the learner stopped last time, in seconds' }) resumeAt!: number;
  @ApiProperty() watchedSeconds!: number;
  @ApiProperty({ description: 'Share of the video needed to complete the lesson' })
  completionPercent!: number;
}

export class HeartbeatDto {
  @ApiProperty({ description: 'From the lesson response (video.playbackToken)' })
  @IsString()
  @MaxLength(2000)
  playbackToken!: string;

  @ApiProperty({
    description: 'Intervals actually played since the last heartbeat, in seconds: [[start, end], …]',
    example: [[0, 12.5]],
    type: 'array',
    items: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 },
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateBy({
    name: 'intervalPairs',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) &&
        value.every(
          (pair) =>
            Array.isArray(pair) &&
            pair.length === 2 &&
            pair.every((n) => typeof n === 'number' && Number.isFinite(n)),
        ),
      defaultMessage: () => 'intervals must be pairs of finite numbers [start, end]',
    },
  })
  intervals!: [number, number][];

  @ApiProperty({ description: 'Current playback position in seconds (where to resume)' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(86_400)
  position!: number;
}

export class HeartbeatResultDto {
  @ApiProperty() watchedSeconds!: number;
  @ApiProperty() watchedPercent!: number;
  @ApiProperty() completed!: boolean;
}
