import {
  CourseLevel,
  CourseStatus,
  LessonKind,
  LocalizedText,
  QuizSettings,
  TargetGroup,
} from '@hocvu/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A course's draft lives in courses/course_sections/course_lessons and may change at any time;
 * learners only ever see published versions (course_versions), frozen at publication.
 */
@Entity({ name: 'courses' })
export class Course {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 120 }) slug!: string;
  @Column({ type: 'varchar', length: 16 }) status!: CourseStatus;
  @Column({ name: 'owner_id', type: 'uuid' }) ownerId!: string;
  @Column({ type: 'jsonb' }) title!: LocalizedText;
  @Column({ type: 'jsonb' }) summary!: LocalizedText;
  @Column({ type: 'jsonb' }) description!: LocalizedText;
  @Column({ type: 'varchar', length: 16 }) level!: CourseLevel;
  @Column({ name: 'target_groups', type: 'text', array: true }) targetGroups!: TargetGroup[];
  @Column({ type: 'text', array: true }) languages!: string[];
  @Column({ type: 'boolean' }) sequential!: boolean;
  @Column({ name: 'video_completion_percent', type: 'smallint' }) videoCompletionPercent!: number;
  /** Storage key of the draft's cover image (covers/<course>/<hash>.<ext>), or null. */
  @Column({ name: 'cover_key', type: 'varchar', nullable: true }) coverKey!: string | null;
  /** Bumped by every draft edit; equal to publishedRevision when nothing is unpublished. */
  @Column({ name: 'draft_revision', type: 'integer' }) draftRevision!: number;
  @Column({ name: 'published_revision', type: 'integer', nullable: true }) publishedRevision!: number | null;
  @Column({ name: 'published_version', type: 'integer', nullable: true }) publishedVersion!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'course_sections' })
export class CourseSection {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'course_id', type: 'uuid' }) courseId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'jsonb' }) title!: LocalizedText;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity({ name: 'course_lessons' })
export class CourseLesson {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'course_id', type: 'uuid' }) courseId!: string;
  @Column({ name: 'section_id', type: 'uuid' }) sectionId!: string;
  @Column({ type: 'integer' }) position!: number;
  @Column({ type: 'varchar', length: 16 }) kind!: LessonKind;
  @Column({ type: 'jsonb' }) title!: LocalizedText;
  @Column({ type: 'boolean' }) required!: boolean;
  @Column({ name: 'estimated_minutes', type: 'integer' }) estimatedMinutes!: number;
  /** Article body in Markdown, per language. Rendered and sanitised when shown or published. */
  @Column({ type: 'jsonb' }) body!: LocalizedText;
  /** Quiz lessons' settings; null until the teacher sets them (and for other kinds). */
  @Column({ type: 'jsonb', nullable: true }) quiz!: QuizSettings | null;
  /** The course's final exam (a quiz lesson; at most one per course). */
  @Column({ name: 'final_exam', type: 'boolean' }) finalExam!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
