import { Module } from '@nestjs/common';
import { PlacesModule } from '@ricarica/places';
import { PlacesController } from './places.controller';

@Module({ imports: [PlacesModule], controllers: [PlacesController] })
export class PlacesApiModule {}
