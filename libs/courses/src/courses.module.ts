import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlacesService } from '@ricarica/places';
import { TaxonomyLookupService } from '@ricarica/taxonomy';
import { CoursePrerequisite } from './course-prerequisite.entity';
import { CourseSession } from './course-session.entity';
import { CourseSkill } from './course-skill.entity';
import { Course } from './course.entity';
import { CoursesService } from './courses.service';

@Module({
  imports: [TypeOrmModule.forFeature([Course, CourseSkill, CoursePrerequisite, CourseSession])],
  providers: [CoursesService, TaxonomyLookupService, PlacesService],
  exports: [CoursesService],
})
export class CoursesModule {}
