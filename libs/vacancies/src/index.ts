export * from './vacancies.module';
export * from './vacancies.service';
export * from './vacancy-requirement.entity';
export * from './vacancy.entity';
export * from './vacancy.errors';
export * from './vacancy.types';
