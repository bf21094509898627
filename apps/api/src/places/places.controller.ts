import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PlacesSearchService } from '@ricarica/places';
import { ApiErrors } from '../http/api-errors.decorator';
import { PlaceSearchResponseDto } from './place-hit.response.dto';
import { SearchPlacesQueryDto } from './search-places.query.dto';
import { Public } from '../http/access.decorator';

@ApiTags('places')
// The taxonomy (ESCO, ISTAT places) is open to anyone.
@Public()
@Controller('places')
export class PlacesController {
  constructor(private readonly places: PlacesSearchService) {}

  @Get()
  @ApiOkResponse({ type: PlaceSearchResponseDto, description: 'Italian municipalities (ISTAT) matching q, with centroid, province and NUTS-2 region' })
  @ApiErrors(400, 503)
  async search(@Query() query: SearchPlacesQueryDto): Promise<PlaceSearchResponseDto> {
    return { items: await this.places.search(query.q, query.limit) };
  }
}
