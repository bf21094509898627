import { Controller, Delete, Get, Header, HttpCode, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountsService, Actor } from '@ricarica/accounts';
import { PersonalDataService } from '@ricarica/privacy';
import { AccountResponseDto } from '../auth/account.response.dto';
import { Access } from '../http/access.decorator';
import { SignedInActor } from '../http/current-actor';
import { Lang, RequestLang } from '../http/lang';
import { LangQueryDto } from '../http/lang-query.dto';
import { PersonalDataResponseDto } from './personal-data.response.dto';

@ApiTags('me')
@Controller('me')
export class MeController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly personalData: PersonalDataService,
  ) {}

  @Get()
  @Access('signed-in')
  @ApiOkResponse({ type: AccountResponseDto })
  me(@SignedInActor() actor: Actor): Promise<AccountResponseDto> {
    return this.accounts.get(actor.userId);
  }

  @Get('export')
  @Access('signed-in')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({ type: PersonalDataResponseDto, description: 'Everything Ricarica holds about the caller, as JSON' })
  export(@SignedInActor() actor: Actor, @Query() _q: LangQueryDto, @RequestLang() lang: Lang): Promise<PersonalDataResponseDto> {
    return this.personalData.export(actor, lang);
  }

  @Delete()
  @Access('signed-in')
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      'Erases the account and its worker profile, skills and matches; applications and enrolment requests stay only as anonymous counts. Cannot be undone.',
  })
  async erase(@SignedInActor() actor: Actor): Promise<void> {
    await this.personalData.eraseAccount(actor.userId);
  }
}
