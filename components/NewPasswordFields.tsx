import { passwordStrength } from './password-strength';

interface Props {
  password: string;
  confirm: string;
  onPassword(value: string): void;
  onConfirm(value: string): void;
  /** data-testids of the two inputs. */
  testIds?: { password: string; confirm: string };
  label?: string;
}

/** A new password typed twice, with a strength hint and a mismatch warning. */
export function NewPasswordFields({ password, confirm, onPassword, onConfirm, testIds, label = 'Password' }: Props) {
  const strength = passwordStrength(password);
  const mismatch = confirm.length > 0 && confirm !== password;
  return (
    <div className="field-group">
      <label className="field">
        <span>{label}</span>
        <input
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => onPassword(e.target.value)}
          data-testid={testIds?.password}
        />
      </label>
      {password && (
        <div className={`strength strength-${strength.level}`} data-testid="password-strength">
          <span className="strength-bar" />
          {strength.label}
        </div>
      )}
      <label className="field">
        <span>Type it again</span>
        <input
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => onConfirm(e.target.value)}
          data-testid={testIds?.confirm}
          aria-invalid={mismatch}
        />
      </label>
      {mismatch && (
        <p className="error" data-testid="password-mismatch">
          The two passwords do not match.
        </p>
      )}
    </div>
  );
}
