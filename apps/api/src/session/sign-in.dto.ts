import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class SignInDto {
  /** The account's e-mail address. */
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}

/** Who is signed in: shown by the app; `id` is the subject events record. */
export class SessionUserDto {
  id!: string;
  email!: string;
  displayName!: string;
  /** caseworker, evaluator, funder or admin */
  role!: string;
  projects!: string[];
}

/** How the web app signs people in: with a local account's password, at the organisation's provider, or not at all. */
export class SignInConfigDto {
  @ApiProperty({ enum: ['password', 'organisation', 'none'] })
  method!: 'password' | 'organisation' | 'none';
}

/** After signing out of a provider's session: the provider's sign-out page, for the app to open. */
export class SignOutDto {
  signOutUrl!: string;
}
