import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CandidatePreviewService } from '@ricarica/matches';
import { Access } from '../http/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { CandidatePreviewRequestDto } from './candidate-preview.request.dto';
import { CandidatePreviewResponseDto } from './candidate-preview.response.dto';

@ApiTags('vacancies')
@Controller('vacancies')
export class CandidatePreviewController {
  constructor(private readonly preview: CandidatePreviewService) {}

  /** While a vacancy is being written: how many consenting workers in reach would fit it, as counts only. */
  @Post('candidate-preview')
  @HttpCode(200)
  @Access(['employer', 'admin'], { owns: { employer: 'employerId' } })
  @ApiOkResponse({ type: CandidatePreviewResponseDto, description: 'Counts scored with the matching contract; counts below 5 are null' })
  @ApiErrors(400, 404)
  candidatePreview(@Body() body: CandidatePreviewRequestDto): Promise<CandidatePreviewResponseDto> {
    return this.preview.preview(body);
  }
}
