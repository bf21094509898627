import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlacesService } from '@ricarica/places';
import { TaxonomyLookupService } from '@ricarica/taxonomy';
import { WorkerOccupation } from './worker-occupation.entity';
import { WorkerSkill } from './worker-skill.entity';
import { Worker } from './worker.entity';
import { WorkersService } from './workers.service';

@Module({
  imports: [TypeOrmModule.forFeature([Worker, WorkerSkill, WorkerOccupation])],
  providers: [WorkersService, TaxonomyLookupService, PlacesService],
  exports: [WorkersService],
})
export class WorkersModule {}
