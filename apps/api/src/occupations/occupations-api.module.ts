import { Module } from '@nestjs/common';
import { TaxonomyModule } from '@ricarica/taxonomy';
import { OccupationsController } from './occupations.controller';

@Module({ imports: [TaxonomyModule], controllers: [OccupationsController] })
export class OccupationsApiModule {}
