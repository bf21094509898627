import { Module } from '@nestjs/common';
import { MatchReadModule } from '@ricarica/matches';
import { MatchController } from './match.controller';

@Module({ imports: [MatchReadModule], controllers: [MatchController] })
export class MatchesApiModule {}
