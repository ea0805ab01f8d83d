import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApprovalDecision } from '@/components/ApprovalRequest';
import { describeError } from '@/components/describe-error';
import { type DeviceState, HardwareSignStep } from '@/components/HardwareSignStep';
import type { PendingApproval } from '@/lib/approvals';
import type { PublicAccount } from '@/lib/keyring';
import type { HardwareSignView } from '@/lib/signing';

/**
 * The device step of a hardware account's request: the payload the background built goes to the
 * Ledger as it is, and the device's signature goes back for the background to check. Ledger's
 * code loads here, on first use, never with the window itself.
 */
export function HardwareSign(props: { approval: PendingApproval; accounts: PublicAccount[]; decide(decision: ApprovalDecision): Promise<void> }) {
  const { approval, accounts, decide } = props;
  const [device, setDevice] = useState<DeviceState>({ state: 'signing' });
  // The task of this request as it first arrived (a state refresh brings an equal copy), and the latest decide.
  const task = useRef((approval.details as HardwareSignView).hardware).current;
  const decideRef = useRef(decide);
  decideRef.current = decide;

  const sign = useCallback(
    async (ask: boolean) => {
      setDevice({ state: 'signing' });
      try {
        const { signWithLedger } = await import('../shared/ledger-device');
        const signature = await signWithLedger(task, ask);
        if (!signature) return setDevice({ state: 'connect' });
        setDevice({ state: 'sending' });
        await decideRef.current({ approved: true, data: signature });
      } catch (err) {
        setDevice({ state: 'error', message: describeError(err) });
      }
    },
    [task],
  );

  // A Ledger this window may already use signs at once; otherwise the user clicks to pick it.
  useEffect(() => {
    void sign(false);
  }, [sign]);

  return (
    <HardwareSignStep
      approval={approval}
      accounts={accounts}
      device={device}
      onConnect={() => void sign(true)}
      onReject={() => void decide({ approved: false })}
    />
  );
}
