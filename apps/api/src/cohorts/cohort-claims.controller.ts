import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@ricarica/accounts';
import { InvitationsService } from '@ricarica/cohorts';
import { Access, Public } from '../http/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { SignedInActor } from '../http/current-actor';
import { CohortClaimPreviewResponseDto, CohortClaimResponseDto } from './cohort-claim.response.dto';
import { ClaimRequestDto, ClaimTokenRequestDto } from './cohort.request.dto';

/** The link in an invitation mail: see the pre-profile, then claim it as one's own. */
@ApiTags('cohorts')
@Controller('cohort-claims')
export class CohortClaimsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post('preview')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: CohortClaimPreviewResponseDto, description: 'What the invitation holds: cohort, occupation and inferred skills (no personal data)' })
  @ApiErrors(400)
  preview(@Body() body: ClaimTokenRequestDto): Promise<CohortClaimPreviewResponseDto> {
    return this.invitations.preview(body.token);
  }

  @Post()
  @HttpCode(200)
  @Access(['worker'])
  @ApiOkResponse({ type: CohortClaimResponseDto, description: "The pre-profile is now the signed-in worker's profile, with their consent choice" })
  @ApiErrors(400, 409)
  claim(@SignedInActor() actor: Actor, @Body() body: ClaimRequestDto): Promise<CohortClaimResponseDto> {
    return this.invitations.claim(actor, body);
  }
}
