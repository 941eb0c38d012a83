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
