import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES } from '@pathway/auth';
import { MIN_PASSWORD_LENGTH } from '@pathway/users';
import { ID_PATTERN } from '../http/validators';

export class AddUserDto {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  /** The name shown in the app; personal data, never logged. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @IsIn(ROLES)
  role!: 'caseworker' | 'evaluator' | 'funder' | 'admin';

  /** Projects the user works in (required for every role but admin). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(ID_PATTERN, { each: true })
  projects?: string[];

  /** At least 12 characters; hashed with argon2id, never stored or logged as given. */
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(1024)
  password!: string;
}
