import { Module } from '@nestjs/common';
import { PlacesService } from '@ricarica/places';
import { TaxonomyLookupService } from '@ricarica/taxonomy';
import { CandidatePreviewService } from './candidate-preview.service';
import { MatchReadService } from './match-read.service';
import { PathwayReadService } from './pathway-read.service';
import { TaxonomyRelatednessCache } from './taxonomy-relatedness.cache';

/** Reading the stored lists, for the API: explanations and pathways come from the current records. */
@Module({
  providers: [MatchReadService, PathwayReadService, CandidatePreviewService, TaxonomyRelatednessCache, TaxonomyLookupService, PlacesService],
  exports: [MatchReadService, PathwayReadService, CandidatePreviewService],
})
export class MatchReadModule {}
