import { CourseLevel, LessonKind, LocalizedText, TargetGroup } from '@hocvu/contracts';

/** The frozen structure of a published version (course_versions.outline). */
export interface PublishedOutline {
  title: LocalizedText;
  summary: LocalizedText;
  description: LocalizedText;
  level: CourseLevel;
  targetGroups: TargetGroup[];
  languages: string[];
  sequential: boolean;
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
    }[];
  }[];
}
