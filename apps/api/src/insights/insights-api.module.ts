import { Module } from '@nestjs/common';
import { InsightsModule } from '@ricarica/insights';
import { InsightsController } from './insights.controller';

@Module({ imports: [InsightsModule], controllers: [InsightsController] })
export class InsightsApiModule {}
