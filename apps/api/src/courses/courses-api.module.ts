import { Module } from '@nestjs/common';
import { AccountsModule } from '@ricarica/accounts';
import { CoursesModule } from '@ricarica/courses';
import { CourseController } from './course.controller';

@Module({ imports: [CoursesModule, AccountsModule], controllers: [CourseController] })
export class CoursesApiModule {}
