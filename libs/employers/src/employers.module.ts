import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlacesService } from '@ricarica/places';
import { Employer } from './employer.entity';
import { EmployersService } from './employers.service';

@Module({
  imports: [TypeOrmModule.forFeature([Employer])],
  providers: [EmployersService, PlacesService],
  exports: [EmployersService],
})
export class EmployersModule {}
