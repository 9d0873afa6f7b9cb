import { CourseLevel, ErrorCode, LessonKind, LocalizedText, TargetGroup } from '@hocvu/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AppError } from '../../common/errors/app-error';

/** The frozen structure of a published version (course_versions.outline). */
export interface PublishedOutline {
  title: LocalizedText;
  summary: LocalizedText;
  description: LocalizedText;
  level: CourseLevel;
  targetGroups: TargetGroup[];
  languages: string[];
  sequential: boolean;
  /** Share of a video to watch for completion; absent in versions published before videos existed. */
  videoCompletionPercent?: number;
  estimatedMinutes: number;
  lessonCount: number;
  sections: {
    id: string;
    title: LocalizedText;
    lessons: {
      id: string;
      kind: LessonKind;
      title: LocalizedText;
      required: boolean;
      estimatedMinutes: number;
      /** The course's final exam; absent in versions published before quizzes existed. */
      finalExam?: boolean;
    }[];
  }[];
}

/**
 * Published versions never change, so their outlines are kept in process (least recently used
 * dropped past the limit) instead of being read and parsed from PostgreSQL on every learner request.
 */
@Injectable()
export class PublishedOutlineCache {
  private static readonly LIMIT = 500;
  private readonly entries = new Map<string, PublishedOutline>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(versionId: string): Promise<PublishedOutline> {
    const cached = this.entries.get(versionId);
    if (cached) {
      // Re-insert to mark as recently used (Map keeps insertion order).
      this.entries.delete(versionId);
      this.entries.set(versionId, cached);
      return cached;
    }
    const [row] = await this.dataSource.query<{ outline: PublishedOutline }[]>(
      'SELECT outline FROM course_versions WHERE id = $1',
      [versionId],
    );
    if (!row) throw AppError.notFound(ErrorCode.CourseNotFound, 'This course version no longer exists');
    this.entries.set(versionId, row.outline);
    if (this.entries.size > PublishedOutlineCache.LIMIT) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return row.outline;
  }
}
