export * from './course-prerequisite.entity';
export * from './course-session.entity';
export * from './course-skill.entity';
export * from './course.entity';
export * from './course.errors';
export * from './course.types';
export * from './courses.module';
export * from './courses.service';
