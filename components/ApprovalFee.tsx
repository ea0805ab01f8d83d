import { formatUnits, parseUnits } from 'viem';
import type { FeeView } from '@/lib/signing';

/** What the window sends back as the fee to sign with; the background parses and checks it. */
export type FeeChoice = { speed: 'slow' | 'normal' | 'fast' | 'site' } | { speed: 'custom'; maxFeeGwei: string; priorityFeeGwei?: string };

const LABELS: Record<FeeView['options'][number]['choice'], string> = {
  site: 'Set by the site',
  slow: 'Slow',
  normal: 'Normal',
  fast: 'Fast',
};

const GWEI = /^\d{1,12}(\.\d{1,9})?$/;

/** The fee the window starts with: the site's where it set one, else what the wallet preselected. */
export const initialFeeChoice = (fee: FeeView): FeeChoice => ({ speed: fee.preselected });

/** Gas limit x max fee for a custom fee, or undefined while the input is not a number. */
function customCost(fee: FeeView, maxFeeGwei: string): string | undefined {
  if (fee.gasLimit === undefined || !GWEI.test(maxFeeGwei.trim())) return undefined;
  return formatUnits(BigInt(fee.gasLimit) * parseUnits(maxFeeGwei.trim(), 9), 18);
}

function shown(fee: FeeView, choice: FeeChoice) {
  if (choice.speed !== 'custom') {
    const option = fee.options.find((o) => o.choice === choice.speed) ?? fee.options[0];
    return { maxFeeGwei: option.maxFeeGwei, priorityFeeGwei: option.priorityFeeGwei, maxCost: option.maxCost };
  }
  return { maxFeeGwei: choice.maxFeeGwei, priorityFeeGwei: choice.priorityFeeGwei, maxCost: customCost(fee, choice.maxFeeGwei) };
}

export interface ApprovalFeeProps {
  fee: FeeView;
  choice: FeeChoice;
  onChange(choice: FeeChoice): void;
}

/** The network fee before approval: the most it can cost, the speed, and a custom max fee and tip. */
export function ApprovalFee({ fee, choice, onChange }: ApprovalFeeProps) {
  const current = shown(fee, choice);
  const eip1559 = fee.type === 'eip1559';
  const pick = (value: string) => {
    if (value !== 'custom') return onChange({ speed: value as Exclude<FeeChoice['speed'], 'custom'> });
    onChange({ speed: 'custom', maxFeeGwei: current.maxFeeGwei, ...(eip1559 ? { priorityFeeGwei: current.priorityFeeGwei ?? '0' } : {}) });
  };
  const edit = (patch: { maxFeeGwei?: string; priorityFeeGwei?: string }) => choice.speed === 'custom' && onChange({ ...choice, ...patch });
  const siteSet = choice.speed === 'site';
  return (
    <section className="approval-fee" data-testid="approval-fee-section">
      <h3>Network fee</h3>
      <p
        data-testid="approval-fee"
        data-speed={choice.speed}
        data-max-fee-gwei={current.maxFeeGwei}
        data-priority-fee-gwei={current.priorityFeeGwei}
        data-gas-limit={fee.gasLimit}
        data-max-cost={current.maxCost}
      >
        {current.maxCost !== undefined ? (
          <>
            At most <strong>{current.maxCost}</strong> {fee.nativeSymbol}
          </>
        ) : fee.gasLimit === undefined ? (
          'Unknown: the network could not estimate the gas this transaction needs (it may fail).'
        ) : (
          'Enter a max fee in gwei.'
        )}
      </p>
      <p className="approval-muted" data-testid="approval-fee-usd">
        {fee.usdNote}
      </p>
      <label>
        Speed{' '}
        <select data-testid="fee-speed" value={choice.speed} onChange={(e) => pick(e.target.value)}>
          {fee.options.map((o) => (
            <option key={o.choice} value={o.choice}>
              {LABELS[o.choice]}: max {o.maxFeeGwei} gwei{o.priorityFeeGwei !== undefined ? `, tip ${o.priorityFeeGwei} gwei` : ''}
            </option>
          ))}
          <option value="custom">Custom</option>
        </select>
      </label>
      {choice.speed === 'custom' && (
        <div className="approval-fee-custom">
          <label>
            {eip1559 ? 'Max fee (gwei)' : 'Gas price (gwei)'}{' '}
            <input data-testid="fee-max-fee" inputMode="decimal" value={choice.maxFeeGwei} onChange={(e) => edit({ maxFeeGwei: e.target.value })} />
          </label>
          {eip1559 && (
            <label>
              Priority fee (gwei){' '}
              <input
                data-testid="fee-priority-fee"
                inputMode="decimal"
                value={choice.priorityFeeGwei ?? ''}
                onChange={(e) => edit({ priorityFeeGwei: e.target.value })}
              />
            </label>
          )}
        </div>
      )}
      <dl className="approval-facts">
        <dt>Gas limit</dt>
        <dd data-testid="approval-gas-limit">
          {fee.gasLimit ?? 'unknown'}
          {fee.gasSetBySite ? ' (set by the site)' : ''}
        </dd>
        {fee.baseFeeGwei !== undefined && (
          <>
            <dt>Base fee now</dt>
            <dd>{fee.baseFeeGwei} gwei</dd>
          </>
        )}
      </dl>
      {siteSet && <p className="approval-note">This fee was set by the site. Pick a speed to pay what Sharekeep estimates instead.</p>}
      {fee.floor && (
        <p className="approval-note" data-testid="approval-fee-floor">
          A replacement must pay at least {fee.floor.maxFeeGwei} gwei
          {fee.floor.priorityFeeGwei !== undefined ? ` with a tip of at least ${fee.floor.priorityFeeGwei} gwei` : ''}, 10% above the transaction it
          replaces.
        </p>
      )}
    </section>
  );
}
