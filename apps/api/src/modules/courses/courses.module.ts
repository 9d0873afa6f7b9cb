import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { LanguagesModule } from '../languages/languages.module';
import { CatalogueCache } from './catalogue-cache';
import { Course, CourseLesson, CourseSection } from './course.entity';
import { CourseStudioController } from './course-studio.controller';
import { CourseStudioService } from './course-studio.service';

@Module({
  imports: [TypeOrmModule.forFeature([Course, CourseSection, CourseLesson]), LanguagesModule],
  controllers: [CourseStudioController],
  providers: [CourseStudioService, CatalogueCache],
  exports: [CatalogueCache],
})
export class CoursesModule {}
