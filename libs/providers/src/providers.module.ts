import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlacesService } from '@ricarica/places';
import { Provider } from './provider.entity';
import { ProvidersService } from './providers.service';

@Module({
  imports: [TypeOrmModule.forFeature([Provider])],
  providers: [ProvidersService, PlacesService],
  exports: [ProvidersService],
})
export class ProvidersModule {}
