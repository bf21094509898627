import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountsService } from '@ricarica/accounts';
import { Public } from '../http/access.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { ClientIp } from '../http/client-ip';
import { AuthResponseDto } from './account.response.dto';
import { LoginRequestDto } from './login.request.dto';
import { RefreshRequestDto } from './refresh.request.dto';
import { RegisterRequestDto } from './register.request.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('register')
  @Public()
  @ApiCreatedResponse({ type: AuthResponseDto, description: 'A worker, employer or provider account, signed in' })
  @ApiErrors(400, 409, 429)
  register(@Body() body: RegisterRequestDto): Promise<AuthResponseDto> {
    return this.accounts.register(body);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiErrors(400, 401, 429)
  login(@Body() body: LoginRequestDto, @ClientIp() ip: string): Promise<AuthResponseDto> {
    return this.accounts.login(body.email, body.password, { ip });
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: AuthResponseDto, description: 'A new access token and a new refresh token; the one sent stops working' })
  @ApiErrors(400, 401, 429)
  refresh(@Body() body: RefreshRequestDto): Promise<AuthResponseDto> {
    return this.accounts.refresh(body.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: "Ends the refresh token's session: its refresh and access tokens stop working" })
  @ApiErrors(400, 429)
  async logout(@Body() body: RefreshRequestDto): Promise<void> {
    await this.accounts.logout(body.refreshToken);
  }
}
