import { Module } from '@nestjs/common';
import { MatchReadService } from './match-read.service';
import { PathwayReadService } from './pathway-read.service';
import { TaxonomyRelatednessCache } from './taxonomy-relatedness.cache';

/** Reading the stored lists, for the API: explanations and pathways come from the current records. */
@Module({ providers: [MatchReadService, PathwayReadService, TaxonomyRelatednessCache], exports: [MatchReadService, PathwayReadService] })
export class MatchReadModule {}
