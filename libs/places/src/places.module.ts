import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Municipality } from './municipality.entity';
import { PlacesSearchService } from './places-search.service';

/** Italian municipalities. Needs the database connection and the (global) SearchModule from the app. */
@Module({
  imports: [TypeOrmModule.forFeature([Municipality])],
  providers: [PlacesSearchService],
  exports: [PlacesSearchService],
})
export class PlacesModule {}
