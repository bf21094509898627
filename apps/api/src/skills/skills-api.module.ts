import { Module } from '@nestjs/common';
import { TaxonomyModule } from '@ricarica/taxonomy';
import { SkillsController } from './skills.controller';

@Module({ imports: [TaxonomyModule], controllers: [SkillsController] })
export class SkillsApiModule {}
