import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ConfigModule } from '@ricarica/config';
import { DatabaseModule } from '@ricarica/database';
import { LoggerModule } from '@ricarica/observability';
import { QueueModule } from '@ricarica/queue';
import { SearchModule } from '@ricarica/search';
import { AdminApiModule } from './admin/admin-api.module';
import { ApplicationsApiModule } from './applications/applications-api.module';
import { CohortsApiModule } from './cohorts/cohorts-api.module';
import { AuthApiModule } from './auth/auth-api.module';
import { EnrolmentsApiModule } from './enrolments/enrolments-api.module';
import { HealthModule } from './health/health.module';
import { AccessModule } from './http/access.module';
import { GlobalExceptionFilter } from './http/global-exception.filter';
import { MeApiModule } from './me/me-api.module';
import { MetricsModule } from './metrics/metrics.module';
import { WorkersApiModule } from './workers/workers-api.module';
import { EmployersApiModule } from './employers/employers-api.module';
import { VacanciesApiModule } from './vacancies/vacancies-api.module';
import { ProvidersApiModule } from './providers/providers-api.module';
import { CoursesApiModule } from './courses/courses-api.module';
import { MatchesApiModule } from './matches/matches-api.module';
import { OccupationsApiModule } from './occupations/occupations-api.module';
import { PlacesApiModule } from './places/places-api.module';
import { SkillsApiModule } from './skills/skills-api.module';
import { SearchApiModule } from './search/search-api.module';
import { InsightsApiModule } from './insights/insights-api.module';

@Module({})
export class AppModule {
  /** `env` overrides process.env (tests give each file its own prefixes). */
  static forRoot(env: Record<string, string> = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        LoggerModule,
        DatabaseModule,
        QueueModule,
        SearchModule,
        AccessModule,
        HealthModule,
        MetricsModule,
        SkillsApiModule,
        OccupationsApiModule,
        PlacesApiModule,
        WorkersApiModule,
        EmployersApiModule,
        VacanciesApiModule,
        ProvidersApiModule,
        CoursesApiModule,
        MatchesApiModule,
        AuthApiModule,
        MeApiModule,
        ApplicationsApiModule,
        EnrolmentsApiModule,
        AdminApiModule,
        SearchApiModule,
        CohortsApiModule,
        InsightsApiModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: GlobalExceptionFilter }],
    };
  }
}
