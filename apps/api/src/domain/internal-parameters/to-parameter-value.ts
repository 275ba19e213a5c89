import { AppError } from '../../errors/app-error.ts';
import { ANY_TEXT_RULE, PARAMETER_RULES } from './parameter-rules.ts';

/** The value to store for a parameter; a value the parameter cannot take is refused. */
export function toParameterValue(name: string, text: string): string {
  const rule = PARAMETER_RULES[name] ?? ANY_TEXT_RULE;
  const value = rule.normalise(text);
  if (value !== undefined) return value;

  throw new AppError('VALIDATION_FAILED', `${name} takes ${rule.expects}`, { field: 'value' });
}
